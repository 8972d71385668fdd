import { describe, expect, it } from "vitest";
import { createHarness } from "../testing-context";
import { createFakeNested } from "../testing-nested";
import { stackResource } from "./stack";

const TEMPLATE = JSON.stringify({ heat_template_version: "2018-08-31", resources: { a: { type: "OS::Heat::None" } } });

describe("OS::Heat::Stack", () => {
  it("creates the nested stack in context.region_name with parameters and timeout", async () => {
    const nested = createFakeNested({ ip: "10.0.0.5" });
    const h = createHarness(stackResource, {
      nested,
      region: "RegionOne",
      properties: { template: TEMPLATE, parameters: { size: 2 }, timeout: 5, context: { region_name: "RegionTwo" } },
    });
    await h.create();
    expect(h.ctx.physicalId).toBe("nested-1");
    expect(nested.calls[0].input).toMatchObject({ region: "RegionTwo", parameters: { size: 2 }, timeoutMins: 5 });
    expect(await h.attribute("outputs", ["ip"])).toBe("10.0.0.5");
    expect(await h.attribute("stack_name")).toBe("nested-nested-1");
  });

  it("defaults to the resource's region and fails with the nested reason", async () => {
    const nested = createFakeNested();
    nested.failNext("Resource CREATE failed: boom");
    const h = createHarness(stackResource, { nested, region: "RegionThree", properties: { template: TEMPLATE } });
    await expect(h.create()).rejects.toThrow("Resource CREATE failed: boom");
    expect(nested.calls[0].input?.region).toBe("RegionThree");
  });

  it("updates in place, but a region change replaces", async () => {
    const nested = createFakeNested();
    const h = createHarness(stackResource, { nested, properties: { template: TEMPLATE } });
    await h.create();
    expect(await h.update({ template: TEMPLATE, parameters: { x: 1 } })).toBe("in-place");
    expect(nested.calls.at(-1)).toMatchObject({ op: "update", stackId: "nested-1", input: { parameters: { x: 1 } } });
    expect(await h.update({ template: TEMPLATE, context: { region_name: "RegionTwo" } })).toBe("replace");
  });

  it("forwards suspend, resume, check and delete; deleting twice is fine", async () => {
    const nested = createFakeNested();
    const h = createHarness(stackResource, { nested, properties: { template: TEMPLATE } });
    await h.create();
    await h.suspend();
    await h.resume();
    await h.check();
    await h.delete();
    await h.delete();
    expect(nested.calls.map((c) => c.op).filter((op) => op !== "get")).toEqual([
      "create", "suspend", "resume", "check", "delete",
    ]);
    await expect(h.check()).rejects.toThrow("does not exist");
  });
});
