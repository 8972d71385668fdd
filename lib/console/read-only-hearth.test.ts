import { describe, expect, it } from "vitest";
import type { Hearth } from "@/lib/services/types";
import { readOnlyHearth } from "./read-only-hearth";

/** A Hearth whose every call records its name (enough to see what the wrapper lets through). */
function recordingHearth(calls: string[], projectId = "p1"): Hearth {
  const record = (name: string) => async () => {
    calls.push(`${projectId}:${name}`);
    return name;
  };
  return {
    projectId,
    forProject: (id: string) => recordingHearth(calls, id),
    listStacks: record("listStacks"),
    getStack: record("getStack"),
    create: record("create"),
    delete: record("delete"),
    suspend: record("suspend"),
    fault: record("fault"),
    abandon: record("abandon"),
    ha: { groups: record("ha.groups"), failover: record("ha.failover"), drill: record("ha.drill"), writeCheck: record("ha.writeCheck") },
    templates: { list: record("templates.list"), save: record("templates.save") },
    volumeGuest: { read: record("volumeGuest.read"), write: record("volumeGuest.write") },
  } as unknown as Hearth;
}

describe("readOnlyHearth", () => {
  it("lets reads through and refuses every change with the reason, as an engine BadRequest", async () => {
    const calls: string[] = [];
    const hearth = readOnlyHearth(recordingHearth(calls), "Your role in project demo is reader.");
    expect(await hearth.listStacks()).toBe("listStacks");
    expect(await hearth.ha.groups("s")).toBe("ha.groups");
    expect(await hearth.templates.list()).toBe("templates.list");
    expect(await hearth.volumeGuest.read("v", "k")).toBe("volumeGuest.read");
    const refusals = [
      hearth.create("s", { template: "" }),
      hearth.delete("s"),
      hearth.suspend("s"),
      hearth.fault({ kind: "clear" }),
      hearth.abandon("s"),
      hearth.ha.failover("s", "p", "why"),
      hearth.ha.drill("s", "p"),
      hearth.ha.writeCheck("s", "p"),
      hearth.templates.save({ name: "t", text: "" }),
      hearth.volumeGuest.write("v", "k", "data"),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toMatchObject({ name: "EngineError", code: "BadRequest", message: expect.stringMatching(/^Your role in project demo is reader\. \(.+ refused\)$/) });
    await expect(hearth.delete("s")).rejects.toThrow("(delete refused)");
    expect(calls).toEqual(["p1:listStacks", "p1:ha.groups", "p1:templates.list", "p1:volumeGuest.read"]);
  });

  it("stays read-only in another project", async () => {
    const calls: string[] = [];
    const other = readOnlyHearth(recordingHearth(calls), "read only").forProject("p2");
    expect(other.projectId).toBe("p2");
    await other.getStack("s");
    await expect(other.create("s", { template: "" })).rejects.toThrow("read only (create refused)");
    expect(calls).toEqual(["p2:getStack"]);
  });
});
