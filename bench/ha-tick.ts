/**
 * HA monitor tick benchmark: what one tick costs in an engine whose SQLite store holds N stacks of
 * three servers each and one stack with a failover policy (the only one the monitor acts on), for
 *   full scan   the reads of the tick before the watch list: every stack, then every stack's resources,
 *   query       the watch list queried at the tick (one indexed query, listStacks resourceTypes), then
 *               the HA stack's resources (a monitor without an event feed: the integration rig's),
 *   kept        the watch list kept between ticks (the running monitor following the event bus): the
 *               HA stack's resources only.
 * Medians of TICKS ticks per cell, and the ratios of the full scan to the other two.
 *
 *   npx tsx bench/ha-tick.ts [--tiny]
 */
import { createSimCloud } from "../lib/cloud/sim";
import type { StackStore } from "../lib/engine/ports";
import { realClock } from "../lib/engine/testing";
import { resourceRecord } from "../lib/engine/testing/records";
import { HaMonitor } from "../lib/services/ha/monitor";
import { sampleStack } from "../lib/store/stack-store.contract";
import { SqlStackStore } from "../lib/store/sql-stack-store";
import { createTempDatabase } from "../lib/store/testing/temp-database";
import { medianMs, ms, printTable, TINY } from "./support";

const SIZES = TINY ? [20] : [100, 1000, 5000];
const TICKS = TINY ? 3 : 20;
const SERVERS = 3;

/** Stores `count` plain stacks (SERVERS servers each) and one stack "ha" with a failover policy. */
async function seed(store: StackStore, count: number): Promise<void> {
  const writes: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const id = `plain-${i}`;
    writes.push(store.createStack(sampleStack({ id, name: id, status: "COMPLETE" })));
    for (let s = 0; s < SERVERS; s++) writes.push(store.saveResource(resourceRecord(`server${s}`, { id: `${id}-${s}`, stackId: id, physicalId: `srv-${id}-${s}`, status: "COMPLETE" })));
  }
  writes.push(store.createStack(sampleStack({ id: "ha", name: "ha", status: "COMPLETE" })));
  await Promise.all(writes);
  await store.saveResource(resourceRecord("policy", { id: "policy-ha", stackId: "ha", type: "OS::Heat::FailoverPolicy", physicalId: "fp-ha", status: "COMPLETE" }));
}

/** The reads of the tick before the watch list. */
async function fullScan(store: StackStore): Promise<void> {
  for (const stack of await store.listStacks({ includeNested: true })) await store.listResources(stack.id);
}

function monitor(store: StackStore, following: boolean): HaMonitor {
  const events = following ? async () => () => undefined : undefined;
  return new HaMonitor(
    { store, cloud: createSimCloud({ speed: 0 }), clock: realClock, owner: "bench", leaseMs: 3_600_000, signal: async () => {}, post: async () => {}, events },
    { tickMs: 3_600_000 },
  );
}

/** Milliseconds, with two decimals below 1 ms (the kept list's ticks take a few hundredths). */
const fine = (value: number) => (value < 1 ? value.toFixed(2) : ms(value));

const rows: (string | number)[][] = [];
for (const size of SIZES) {
  const db = await createTempDatabase("hearth-bench-ha-tick-");
  try {
    const store = new SqlStackStore(db.driver);
    await seed(store, size);
    const full = await medianMs(TICKS, () => fullScan(store));
    const queried = monitor(store, false);
    const query = await medianMs(TICKS, () => queried.tick());
    await queried.stop();
    // the running monitor: its loop ticks once (following the feed from then on) and sleeps; the ticks timed are ours
    const kept = monitor(store, true);
    kept.start();
    await kept.tick();
    const keptMs = await medianMs(TICKS, () => kept.tick());
    await kept.stop();
    rows.push([size, fine(full), fine(query), fine(keptMs), `${(full / query).toFixed(0)}x`, `${(full / keptMs).toFixed(0)}x`]);
  } finally {
    await db.cleanup();
  }
}
printTable(["stacks", "full scan ms", "query ms", "kept ms", "full / query", "full / kept"], rows, `HA monitor tick, SQLite, median of ${TICKS} ticks (one HA stack)`);
