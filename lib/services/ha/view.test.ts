import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDatabaseFile, type TempDatabaseFile } from "../../store/testing/temp-database";
import { createHearth } from "../index";
import type { Hearth } from "../types";
import { volumeCheck } from "./view";

let file: TempDatabaseFile;
let hearth: Hearth;

const input = {
  template: fs.readFileSync("examples/ha/active-passive.yaml", "utf8"),
  templateName: "active-passive.yaml",
  files: { "ha_server.yaml": fs.readFileSync("examples/ha/ha_server.yaml", "utf8") },
};

/** Resolves when the policy's next failover completes (its "completed in" note is stored). */
async function nextFailoverDone(stackId: string): Promise<void> {
  const after = (await hearth.listEvents(stackId)).reduce((max, e) => Math.max(max, e.seq), 0);
  let stop: (() => void) | undefined;
  await new Promise<void>((resolve) => {
    void hearth.subscribe(stackId, after, (e) => (/completed in \d+ ms$/.test(e.reason) ? resolve() : undefined)).then((s) => (stop = s));
  });
  stop?.();
}

describe("hearth.ha (the console's HA read model and actions)", () => {
  beforeEach(async () => {
    file = tempDatabaseFile();
    hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, simSeed: 11, pollIntervalMs: 10, owner: "ha-view-test", haMonitor: false });
    const done = await (await hearth.create("pair", input)).done;
    expect(done.status).toBe("COMPLETE");
  }, 60_000); // a migrated database, the identity bootstrap and the pair: slow on a loaded machine

  afterEach(async () => {
    await hearth.close();
    file.remove();
  });

  it("shows the pair: one active and one standby member, both healthy, the volume on the active one, and the plan", async () => {
    const [group] = await hearth.ha.groups("pair");
    expect(group).toMatchObject({ policy: "server_failover_policy", group: "server_group", policyStatus: "CREATE_COMPLETE", history: [] });
    expect(group.healthCheck).toEqual({ intervalS: 5, evaluationPeriods: 2, gracePeriodS: 30 });
    expect(group.members.map((m) => [m.role, m.health, m.healthText])).toEqual([
      ["active", "healthy", "ACTIVE, answering"],
      ["standby", "healthy", "ACTIVE, answering"],
    ]);
    const [active, standby] = group.members;
    expect(group.active).toBe(active.name);
    expect(group.volumes).toHaveLength(1);
    expect(group.volumes[0]).toMatchObject({ status: "in-use", attachedTo: { serverId: active.serverId, member: active.name }, check: null });
    expect(group.plan).toEqual({ from: active.name, to: standby.name, steps: ["quiesce", "detach", "promote", "attach", "activate", "replace"] });
  });

  it("fails over on request: the standby becomes active, the volume and its data follow, each step is in the history", async () => {
    const [before] = await hearth.ha.groups("pair");
    const written = await hearth.ha.writeCheck("pair", "server_failover_policy");
    expect(written).toContain(`written through ${before.active}`);
    const { stack } = await hearth.getStack("pair");
    const done = nextFailoverDone(stack.id);
    await hearth.ha.failover("pair", "server_failover_policy", "console: test");
    await done;
    const [after] = await hearth.ha.groups("pair");
    const promoted = before.plan!.to!;
    expect(after.active).toBe(promoted);
    expect(after.members.find((m) => m.role === "active")!.name).toBe(promoted);
    expect(after.members.map((m) => m.name)).not.toContain(before.active);
    expect(after.volumes[0].attachedTo).toMatchObject({ member: promoted });
    expect(after.volumes[0].check).toEqual(volumeCheck(written));
    const [run] = after.history;
    expect(run).toMatchObject({ state: "completed", from: before.active, to: promoted, reason: "console: test" });
    expect(run.steps.map((s) => s.step)).toEqual(["quiesce", "detach", "promote", "attach", "activate", "replace"]);
    expect(run.steps.every((s) => s.ms >= 0)).toBe(true);
  }, 60_000);

  it("a drill crashes the active server: the member shows unhealthy and the plan promotes the standby", async () => {
    const [before] = await hearth.ha.groups("pair");
    const drill = await hearth.ha.drill("pair", "server_failover_policy");
    expect(drill).toMatchObject({ member: before.active, serverId: before.members[0].serverId });
    const [after] = await hearth.ha.groups("pair");
    expect(after.members[0]).toMatchObject({ role: "active", health: "unhealthy" });
    expect(after.members[0].healthText).toMatch(/^ERROR/);
    expect(after.plan).toMatchObject({ from: before.active, to: before.members[1].name });
  });

  it("names the place of a bad request", async () => {
    await expect(hearth.ha.failover("pair", "volume", "x")).rejects.toThrow("volume is a OS::Cinder::Volume, not an OS::Heat::FailoverPolicy");
    await expect(hearth.ha.drill("pair", "nope")).rejects.toThrow("Resource nope of stack pair not found");
    await expect(hearth.ha.groups("missing")).rejects.toThrow("Stack missing not found");
  });
});

describe("volumeCheck", () => {
  it("gives the content with a short SHA-256, or null when nothing was written", () => {
    expect(volumeCheck("abc")).toEqual({ content: "abc", checksum: "ba7816bf8f01" });
    expect(volumeCheck(undefined)).toBeNull();
  });
});
