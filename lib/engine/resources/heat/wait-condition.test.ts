import { describe, expect, it } from "vitest";
import { createHarness, type ResourceHarness } from "../testing-context";
import { waitConditionResource } from "./wait-condition";
import { normaliseSignal, waitConditionHandleResource } from "./wait-condition-handle";

async function pair(count: number, timeout = 60) {
  const handle = createHarness(waitConditionHandleResource, { name: "handle", stackName: "s" });
  await handle.create();
  const peers = (ref: string) => (ref === handle.ctx.physicalId ? handle.asPeer() : undefined);
  const wait = createHarness(waitConditionResource, {
    name: "wait",
    peers,
    properties: { handle: handle.ctx.physicalId, timeout, count },
  });
  return { handle, wait };
}

/** Starts the wait, then sends the given signals while it is polling. */
async function waitWithSignals(wait: ResourceHarness, handle: ResourceHarness, signals: unknown[]) {
  const token = await waitConditionResource.handlers.create(wait.ctx);
  const check = waitConditionResource.handlers.checkCreateComplete!;
  for (const s of signals) {
    expect(await check(wait.ctx, token)).toBe(false);
    await handle.signal(s);
  }
  return check(wait.ctx, token);
}

describe("OS::Heat::WaitConditionHandle", () => {
  it("normalises signals as Heat does", () => {
    expect(normaliseSignal(undefined, 0)).toEqual({ id: "1", status: "SUCCESS", reason: "Signal 1 received", data: null, seq: 1 });
    expect(normaliseSignal({ status: "FAILURE", reason: "disk", id: "x", data: { a: 1 } }, 4)).toMatchObject({ id: "x", status: "FAILURE", reason: "disk", seq: 5 });
    expect(() => normaliseSignal({ status: "DONE" }, 0)).toThrow("Metadata format invalid");
    expect(() => normaliseSignal({ extra: 1 }, 0)).toThrow("Metadata format invalid");
    expect(() => normaliseSignal("text", 0)).toThrow("Metadata format invalid");
  });

  it("exposes token, endpoint and a curl command", async () => {
    const { handle } = await pair(1);
    expect(await handle.attribute("endpoint")).toBe("/v1/project/stacks/s/stack-id/resources/handle/signal");
    expect(String(await handle.attribute("curl_cli"))).toContain(`X-Auth-Token: ${handle.ctx.data.token}`);
    expect(JSON.parse(String(await handle.attribute("signal")))).toHaveProperty("url");
  });
});

describe("OS::Heat::WaitCondition", () => {
  it("completes after count SUCCESS signals and exposes their data", async () => {
    const { handle, wait } = await pair(2);
    expect(await waitWithSignals(wait, handle, [{ data: "one" }, { id: "b", data: "two" }])).toBe(true);
    expect(JSON.parse(String(await wait.attribute("data")))).toEqual({ "1": "one", b: "two" });
  });

  it("fails on a FAILURE signal with its reason", async () => {
    const { handle, wait } = await pair(2);
    await expect(waitWithSignals(wait, handle, [{ status: "FAILURE", reason: "boom" }])).rejects.toThrow("boom");
  });

  it("times out naming how many signals arrived", async () => {
    const { handle, wait } = await pair(2, 10);
    await handle.signal({ reason: "first" });
    const err = await wait.create().catch((e: Error) => e);
    expect(err).toMatchObject({ name: "WaitConditionTimeout", message: "1 of 2 received - first" });
  });

  it("refuses a handle that is not a WaitConditionHandle", async () => {
    const wait = createHarness(waitConditionResource, { peers: () => undefined, properties: { handle: "nope", timeout: 5 } });
    await expect(wait.create()).rejects.toThrow("nope is not a valid wait condition handle.");
  });

  it("restarts the wait with the new count on update", async () => {
    const { handle, wait } = await pair(1);
    await handle.signal({});
    await wait.create();
    const update = wait.update({ handle: handle.ctx.physicalId, timeout: 60, count: 2 });
    await expect(update).rejects.toThrow("1 of 2 received");
  });
});
