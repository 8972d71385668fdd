import { describe, expect, it } from "vitest";
import { serverResource } from "../nova/server";
import { createInstantCloud } from "../../testing/instant-cloud";
import { createCloudBench, createHarness, type HarnessOptions } from "../testing-context";
import { softwareConfigResource } from "./software-config";
import { softwareDeploymentResource } from "./software-deployment";

async function setup(props: Record<string, unknown>, extra: HarnessOptions = {}) {
  const config = createHarness(softwareConfigResource, {
    properties: { config: "#!/bin/sh\necho hi", outputs: [{ name: "result" }, { name: "err", error_output: true }] },
  });
  await config.create();
  const peers = (ref: string) => (ref === config.ctx.physicalId ? config.asPeer() : undefined);
  const deployment = createHarness(softwareDeploymentResource, {
    peers,
    maxPolls: 3,
    ...extra,
    properties: { config: config.ctx.physicalId, server: "srv-1", ...props },
  });
  return { config, deployment };
}

/** Runs a start hook, checks it is waiting, signals, and returns the final check. */
async function startThenSignal(d: ReturnType<typeof createHarness>, signal: unknown) {
  const token = await softwareDeploymentResource.handlers.create(d.ctx);
  const check = softwareDeploymentResource.handlers.checkCreateComplete!;
  expect(await check(d.ctx, token)).toBe(false);
  await d.signal(signal);
  return check(d.ctx, token);
}

describe("OS::Heat::SoftwareConfig", () => {
  it("keeps its definition and exposes config", async () => {
    const { config } = await setup({});
    expect(await config.attribute("config")).toBe("#!/bin/sh\necho hi");
    expect(JSON.parse(config.ctx.data.config)).toMatchObject({ group: "Heat::Ungrouped", outputs: [{ name: "result" }, { name: "err" }] });
    expect(await config.update({ config: "other" })).toBe("replace");
  });
});

describe("OS::Heat::SoftwareDeployment", () => {
  it("completes at once with NO_SIGNAL", async () => {
    const { deployment } = await setup({ signal_transport: "NO_SIGNAL" });
    await deployment.create();
    expect(deployment.ctx.data.status).toBe("COMPLETE");
    expect(deployment.ctx.data.status_reason).toBe("Not waiting for outputs signal");
  });

  it("waits for the signal, then exposes stdout, status code and config outputs", async () => {
    const { deployment } = await setup({});
    const done = await startThenSignal(deployment, { deploy_stdout: "ok", deploy_status_code: 0, result: "42" });
    expect(done).toBe(true);
    expect(await deployment.attribute("deploy_stdout")).toBe("ok");
    expect(await deployment.attribute("deploy_status_code")).toBe(0);
    expect(await deployment.attribute("deploy_stderr")).toBeNull();
    expect(await deployment.attribute("result")).toBe("42");
  });

  it("fails on a non-zero status code or an error output", async () => {
    const { deployment } = await setup({});
    await expect(startThenSignal(deployment, { deploy_status_code: 2 })).rejects.toThrow(
      "Deployment to server failed: deploy_status_code : Deployment exited with non-zero status code: 2",
    );
    const second = await setup({});
    await expect(startThenSignal(second.deployment, { err: "disk full" })).rejects.toThrow("err : disk full");
  });

  it("times out in the harness when no signal comes", async () => {
    const { deployment } = await setup({});
    await expect(deployment.create()).rejects.toThrow("did not complete");
  });

  it("runs only for the listed actions", async () => {
    const { deployment } = await setup({ actions: ["DELETE"], signal_transport: "NO_SIGNAL" });
    await deployment.create();
    expect(deployment.ctx.physicalId).toBeUndefined();
    expect(await deployment.update({ config: "x", server: "srv-1", actions: ["DELETE", "UPDATE"], signal_transport: "NO_SIGNAL" })).toBe("in-place");
    expect(deployment.ctx.data.action).toBe("UPDATE");
  });

  it("ignores a signal when it is not waiting for one", async () => {
    const { deployment } = await setup({ signal_transport: "NO_SIGNAL" });
    await deployment.create();
    await deployment.signal({ deploy_status_code: 1 });
    expect(deployment.ctx.data.status).toBe("COMPLETE");
    expect(deployment.notes).toContain("Signal ignored: the deployment is not waiting for one");
  });
});

describe("OS::Heat::SoftwareDeployment on delete", () => {
  it("runs a DELETE action (quiesce) and waits for its signal while the server lives", async () => {
    const bench = createCloudBench(createInstantCloud());
    const server = bench.harness(serverResource, { properties: { flavor: "m1.tiny", image: "cirros" } });
    await server.create();
    const d = bench.harness(softwareDeploymentResource, { properties: { server: server.ctx.physicalId, actions: ["DELETE"] } });
    await d.create();
    const token = await softwareDeploymentResource.handlers.delete!(d.ctx);
    const check = softwareDeploymentResource.handlers.checkDeleteComplete!;
    expect(d.ctx.data.action).toBe("DELETE");
    expect(await check(d.ctx, token)).toBe(false);
    await d.signal({ deploy_status_code: 0, deploy_stdout: "quiesced" });
    expect(await check(d.ctx, token)).toBe(true);
  });

  it("stops waiting when the server is gone, and skips actions it does not run", async () => {
    const bench = createCloudBench(createInstantCloud());
    const server = bench.harness(serverResource, { properties: { flavor: "m1.tiny", image: "cirros" } });
    await server.create();
    const d = bench.harness(softwareDeploymentResource, { properties: { server: server.ctx.physicalId, actions: ["CREATE", "DELETE"] }, maxPolls: 3 });
    await d.create().catch(() => undefined);
    await server.delete();
    await d.delete();
    expect(d.ctx.data.status).toBe("IN_PROGRESS");
    const once = bench.harness(softwareDeploymentResource, { properties: { server: "x", signal_transport: "NO_SIGNAL" } });
    await once.create();
    await once.delete();
    expect(once.ctx.data.action).toBe("CREATE");
  });
});
