import { describe, expect, it } from "vitest";
import { createHarness } from "../testing-context";
import { testResource } from "./test-resource";

describe("OS::Heat::TestResource", () => {
  it("stores value (default test_string) and exposes it as output", async () => {
    const h = createHarness(testResource, { name: "t", stackName: "s" });
    await h.create();
    expect(await h.attribute("output")).toBe("test_string");
    expect(h.ctx.physicalId).toMatch(/^s-t-[a-z0-9]{12}$/);
  });

  it("waits wait_secs on the fake clock, and action_wait_secs overrides per action", async () => {
    const h = createHarness(testResource, { properties: { wait_secs: 5, action_wait_secs: { delete: 2 } } });
    const t0 = h.now();
    await h.create();
    expect(h.now() - t0).toBe(5000);
    const t1 = h.now();
    await h.delete();
    expect(h.now() - t1).toBe(2000);
  });

  it("fails create with Heat's message when fail is true, but never fails delete", async () => {
    const h = createHarness(testResource, { name: "bad", properties: { fail: true } });
    await expect(h.create()).rejects.toThrow("Test Resource failed bad");
    expect(h.ctx.physicalId).toBeUndefined();
    await expect(h.delete()).resolves.toBeUndefined();
  });

  it("updates value in place, or asks for replacement when update_replace is set", async () => {
    const h = createHarness(testResource, { properties: { value: "a" } });
    await h.create();
    expect(await h.update({ value: "b" })).toBe("in-place");
    expect(await h.attribute("output")).toBe("b");
    expect(await h.update({ value: "c", update_replace: true })).toBe("replace");
    expect(await h.update({ value: "b", update_replace_value: "x" })).toBe("replace");
  });

  it("fails an update when fail becomes true", async () => {
    const h = createHarness(testResource, { properties: { value: "a" } });
    await h.create();
    await expect(h.update({ value: "b", fail: true })).rejects.toThrow("Test Resource failed");
    expect(await h.attribute("output")).toBe("a");
  });

  it("check fails for a resource that was never created", async () => {
    const h = createHarness(testResource);
    await expect(h.check()).rejects.toThrow("Resource not created");
  });
});
