/**
 * Stamped calls (client tokens) expire: a stamp older than TOKEN_TTL_MS of the sim's clock is no
 * longer answered from memory, and the transaction of a later stamped call drops its row (a tombstone
 * the other processes catch up with, pruned as the others), a bounded number at a time.
 */
import { describe, expect, it } from "vitest";
import { createMemoryPersistence, openSimCloud } from "./index";
import { TOKEN_TTL_MS } from "./region-state";

const HOUR = 3600_000;

/** Two processes' SimClouds on one store and one clock, no quota on networks. */
async function twoProcesses() {
  const clock = { t: 1_700_000_000_000, now: () => clock.t };
  const persistence = createMemoryPersistence();
  const options = { seed: 61, speed: 0, apiSpeed: 0, clock, persistence, quotas: { networks: -1 } };
  return { clock, persistence, a: await openSimCloud(options), b: await openSimCloud(options) };
}

/** The stamps the store holds (live token rows). */
function stamps(persistence: ReturnType<typeof createMemoryPersistence>): string[] {
  return persistence
    .rows()
    .filter((row) => row.kind === "token")
    .map((row) => row.id)
    .sort();
}

describe("client-token stamps in the simulated cloud", () => {
  it("answers a repeat from the stamp within a day, forgets it after, and drops its row in a later stamped call's transaction", async () => {
    const { clock, persistence, a, b } = await twoProcesses();
    const first = await a.region("RegionOne", undefined, "tok-1").network.createNetwork({ name: "n" });
    expect(stamps(persistence)).toEqual(["tok-1/network.createNetwork#1"]);

    clock.t += TOKEN_TTL_MS - HOUR;
    // the other process repeats the call (a take-over): answered from the stamp, nothing made twice
    expect((await b.region("RegionOne", undefined, "tok-1").network.createNetwork({ name: "n" })).id).toBe(first.id);
    expect((await b.region("RegionOne").network.listNetworks()).filter((n) => n.name === "n")).toHaveLength(1);

    clock.t += 2 * HOUR;
    const saves = persistence.saves;
    await b.region("RegionOne", undefined, "tok-2").network.createNetwork({ name: "other" });
    // one transaction: the new stamp written, the expired one dropped
    expect(persistence.saves - saves).toBe(1);
    expect(stamps(persistence)).toEqual(["tok-2/network.createNetwork#1"]);
    // the first process caught up with the drop: a repeat now is carried out again
    const again = await a.region("RegionOne", undefined, "tok-1").network.createNetwork({ name: "n" });
    expect(again.id).not.toBe(first.id);
  });

  it("does not answer from a stamp past the day even before its row is dropped", async () => {
    const { clock, a } = await twoProcesses();
    const first = await a.region("RegionOne", undefined, "tok-1").network.createNetwork({ name: "n" });
    clock.t += TOKEN_TTL_MS + 1;
    const again = await a.region("RegionOne", undefined, "tok-1").network.createNetwork({ name: "n" });
    expect(again.id).not.toBe(first.id);
  });

  it("drops at most 500 expired stamps per transaction, the rest in the next ones, and keeps the young ones", async () => {
    const { clock, persistence, a } = await twoProcesses();
    const old = a.region("RegionOne", undefined, "old").network;
    for (let i = 0; i < 520; i++) await old.createNetwork({ name: `old-${i}` });
    clock.t += TOKEN_TTL_MS / 2;
    const young = a.region("RegionOne", undefined, "young").network;
    await young.createNetwork({ name: "young-1" });
    clock.t += TOKEN_TTL_MS / 2 + 1;
    await young.createNetwork({ name: "young-2" });
    expect(stamps(persistence).filter((s) => s.startsWith("old/"))).toHaveLength(20);
    await young.createNetwork({ name: "young-3" });
    expect(stamps(persistence)).toEqual(["young/network.createNetwork#1", "young/network.createNetwork#2", "young/network.createNetwork#3"]);
  });

  it("dates a stamp stored before stamps expired when it first looks, and drops it a day later", async () => {
    const { clock, persistence, a } = await twoProcesses();
    const legacy = "legacy/network.createNetwork#1";
    await persistence.transact(0, () => ({ changes: { upserts: [{ region: "RegionOne", kind: "token", id: legacy, data: { operation: "network.createNetwork" } }], deletes: [] }, result: undefined }));
    clock.t += 2 * TOKEN_TTL_MS;
    const client = a.region("RegionOne", undefined, "now").network;
    await client.createNetwork({ name: "x" });
    expect(persistence.rows().find((row) => row.id === legacy)?.data).toEqual({ operation: "network.createNetwork", at: clock.t });
    clock.t += TOKEN_TTL_MS + 1;
    await client.createNetwork({ name: "y" });
    expect(stamps(persistence)).not.toContain(legacy);
  });
});
