import { describe, expect, it } from "vitest";
import { createSimCloud } from ".";

describe("SimCloud.inventory", () => {
  it("lists placeholder objects with the rest, per region and per project", async () => {
    const sim = createSimCloud({ seed: 61 });
    const role = await sim.region("RegionOne", "project-a").objects.createObject({ kind: "OS::Swift::Container", name: "logs", properties: { name: "logs" } });
    const other = await sim.region("RegionTwo").objects.createObject({ kind: "OS::Zaqar::Queue", name: "jobs", properties: {} });
    expect(sim.inventory().objects.map((o) => [o.id, o.kind, o.region])).toEqual([
      [role.id, "OS::Swift::Container", "RegionOne"],
      [other.id, "OS::Zaqar::Queue", "RegionTwo"],
    ]);
    expect(sim.inventory("RegionOne", "project-a").objects).toEqual([role]);
    expect(sim.inventory("RegionOne", "project-b").objects).toEqual([]);
  });
});
