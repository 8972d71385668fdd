/**
 * Cloud calls per second with 1 and 3 processes sharing the simulated cloud on one database (every
 * call that changes state one transaction, docs/cloud-concurrency.md), on SQLite and on PostgreSQL
 * (HEARTH_TEST_POSTGRES_URL, or a throwaway cluster), without and with the modelled API latency (20 ms
 * a call, slept outside the lock). Each process keeps 8 calls in flight: create a port, read it, delete it.
 *
 *   npx tsx bench/cloud-concurrency.ts [--tiny]
 */
import { spawn } from "node:child_process";
import { openSimCloud } from "../lib/cloud/sim";
import { openDatabase } from "../lib/store/database";
import { startTestPostgres } from "../lib/store/testing/postgres";
import { createTempDatabase } from "../lib/store/testing/temp-database";
import { printTable, ratio, TINY, type Cell } from "./support";

const IN_FLIGHT = 8;
const ROUNDS = TINY ? 5 : 150;
const CALLS_PER_ROUND = 3;

/** The worker: opens the cloud, says "ready", and on "go" (stdin) runs `ROUNDS` rounds, IN_FLIGHT at a time; prints its end time. */
async function worker(url: string, name: string, apiSpeed: number): Promise<void> {
  const db = await openDatabase(url);
  const sim = await openSimCloud({ persistence: db.cloudState(name), apiSpeed, speed: 0 });
  const net = sim.region("RegionOne").network;
  const network = (await net.listNetworks()).find((n) => n.name === "private")!;
  const go = new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdout.write("ready\n");
  await go;
  process.stdin.destroy();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < ROUNDS; i = next++) {
        const port = await net.createPort({ networkId: network.id, name: `${name}-${i}` });
        await net.getPort(port.id);
        await net.deletePort(port.id);
      }
    }),
  );
  const end = Date.now();
  await db.close();
  process.stdout.write(String(end));
}

/** Runs `processes` workers together (all opened first); the wall ms from "go" to the last one's end. */
async function measure(url: string, processes: number, apiSpeed: number): Promise<number> {
  const children = Array.from({ length: processes }, (_, i) => spawn(process.execPath, ["--import", "tsx", import.meta.filename, "--worker", url, `w${i}`, String(apiSpeed), ...(TINY ? ["--tiny"] : [])], { stdio: ["pipe", "pipe", "inherit"] }));
  const outputs = children.map(() => "");
  const ready = children.map((child, i) => new Promise<void>((resolve) => child.stdout.on("data", (chunk: Buffer) => ((outputs[i] += chunk.toString()).startsWith("ready\n") ? resolve() : undefined))));
  const ends = children.map(
    (child, i) => new Promise<number>((resolve, reject) => child.on("exit", (code) => (code === 0 ? resolve(Number(outputs[i].slice("ready\n".length))) : reject(new Error(`worker w${i} exited with ${code}`))))),
  );
  await Promise.all(ready);
  const start = Date.now();
  for (const child of children) child.stdin.write("go\n");
  return Math.max(...(await Promise.all(ends))) - start;
}

/** A fresh database with RegionOne's port quota lifted. */
async function freshCloud(postgres: Awaited<ReturnType<typeof startTestPostgres>> | undefined) {
  const db = await createTempDatabase("hearth-bench-cloud-", postgres);
  const handle = await openDatabase(db.url);
  const sim = await openSimCloud({ persistence: handle.cloudState("bench") });
  sim.setQuota("RegionOne", { ports: -1 });
  await sim.flush();
  await handle.close();
  return db;
}

async function main(): Promise<void> {
  const postgres = TINY ? undefined : await startTestPostgres();
  const rows: Cell[][] = [];
  for (const store of postgres ? ["SQLite", "PostgreSQL"] : ["SQLite"]) {
    for (const apiSpeed of TINY ? [0] : [0, 1]) {
      let single = 0;
      for (const processes of [1, 3]) {
        const db = await freshCloud(store === "PostgreSQL" ? postgres : undefined);
        try {
          const wall = await measure(db.url, processes, apiSpeed);
          const calls = processes * ROUNDS * CALLS_PER_ROUND;
          const rate = (calls * 1000) / wall;
          if (processes === 1) single = rate;
          rows.push([store, apiSpeed === 0 ? "off" : "20 ms", processes, calls, Math.round(wall), Math.round(rate), ratio(rate, single)]);
        } finally {
          await db.cleanup();
        }
      }
    }
  }
  printTable(["store", "API latency", "processes", "calls", "wall ms", "calls/s", "vs 1 process"], rows, "Simulated cloud: calls per second, 1 vs 3 processes on one database");
  await postgres?.stop();
}

const at = process.argv.indexOf("--worker");
if (at >= 0) {
  const [url, name, apiSpeed] = process.argv.slice(at + 1);
  await worker(url, name, Number(apiSpeed));
} else {
  await main();
}
