import { describe, expect, it } from "vitest";
import { serverResource } from "../../../engine/resources/nova/server";
import { createSimBench } from "./sim-bench";

describe("OS::Nova::Server on the simulator", () => {
  it("boots on the private network by default, polls BUILD to ACTIVE and exposes addresses", async () => {
    const bench = createSimBench();
    const h = bench.harness(serverResource, { name: "web", stackName: "app", properties: { flavor: "m1.tiny", image: "cirros" } });
    const token = await serverResource.handlers.create(h.ctx);
    expect((await bench.cloud.region("RegionOne").compute.getServer(h.ctx.physicalId!)).status).toBe("BUILD");
    expect(await serverResource.handlers.checkCreateComplete!(h.ctx, token)).toBe(false);
    bench.clock.advance(1000);
    expect(await serverResource.handlers.checkCreateComplete!(h.ctx, token)).toBe(true);
    expect(await h.attribute("name")).toMatch(/^app-web-[a-z0-9]{12}$/);
    const first = String(await h.attribute("first_address"));
    expect(first).toMatch(/^10\.0\.0\.\d+$/);
    expect(await h.attribute("networks")).toEqual({ private: [first] });
    expect(await h.attribute("addresses", ["private", 0, "addr"])).toBe(first);
    expect(await h.attribute("show", ["status"])).toBe("ACTIVE");
  });

  it("fails with the fault when the build goes to ERROR", async () => {
    const bench = createSimBench();
    bench.cloud.faults.failNext("RegionOne", "compute.build", 1, "No valid host was found.");
    const h = bench.harness(serverResource, { properties: { flavor: "m1.tiny", image: "cirros" } });
    const err = await h.create().catch((e: Error) => e);
    expect(err).toMatchObject({ name: "ResourceInError" });
    expect(String(err)).toContain('Went to status ERROR due to "No valid host was found.');
  });

  it("suspends, resumes, checks, and a crashed server fails check", async () => {
    const bench = createSimBench();
    const h = bench.harness(serverResource, { properties: { flavor: "m1.tiny", image: "cirros" } });
    await h.create();
    await h.suspend();
    expect(await h.attribute("show", ["status"])).toBe("SUSPENDED");
    await h.resume();
    await h.check();
    bench.cloud.faults.crashServer(h.ctx.physicalId!);
    await expect(h.check()).rejects.toMatchObject({ name: "ResourceInError" });
  });
});
