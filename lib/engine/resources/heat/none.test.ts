import { describe, expect, it } from "vitest";
import { createHarness } from "../testing-context";
import { noneResource } from "./none";

describe("OS::Heat::None", () => {
  it("creates with a uuid, accepts any property and answers null to any attribute", async () => {
    const h = createHarness(noneResource, { properties: { flavor: "m1.small", anything: [1, 2] } });
    await h.create();
    expect(h.ctx.physicalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await h.attribute("first_address")).toBeNull();
  });

  it("updates any property change in place instead of replacing", async () => {
    const h = createHarness(noneResource, { properties: { image: "cirros" } });
    await h.create();
    const id = h.ctx.physicalId;
    expect(await h.update({ image: "fedora" })).toBe("in-place");
    expect(h.ctx.physicalId).toBe(id);
  });
});
