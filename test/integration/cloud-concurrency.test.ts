/**
 * The simulated cloud under concurrency (issue 11, item 1): three real processes on one database
 * (SQLite, then PostgreSQL) create and delete servers, volumes, ports and attachments at the same time
 * and race on the same client tokens. Afterwards every id is unique, every object created exists
 * exactly once unless its own process deleted it, nothing else exists, and each shared token made one
 * network that every process was answered with.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openSimCloud } from "../../lib/cloud/sim";
import { openDatabase } from "../../lib/store/database";
import { startTestPostgres } from "../../lib/store/testing/postgres";
import { createTempDatabase } from "../../lib/store/testing/temp-database";

const FIXTURE = path.join(import.meta.dirname, "cloud-churn.fixture.ts");
const PROCESSES = 3;
const ROUNDS = 24;
const PROCESS_LIMIT_MS = 90_000;
const KINDS = ["server", "volume", "port", "attachment"] as const;

type Kind = (typeof KINDS)[number];
interface Report { name: string; network: string; shared: string[]; created: Record<Kind, string[]>; deleted: Record<Kind, string[]> }

const postgres = await startTestPostgres();
afterAll(() => postgres?.stop());
const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, "SIGKILL");
  children.clear();
});

/** Runs one churn process; resolves with its report, rejects on a failure or after PROCESS_LIMIT_MS (then kills it). */
function churn(url: string, name: string, startAt: number): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, url, name, String(ROUNDS), String(startAt)], { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, "SIGKILL");
      reject(new Error(`${name} did not finish in ${PROCESS_LIMIT_MS} ms:\n${err}`));
    }, PROCESS_LIMIT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out) as Report);
      else reject(new Error(`${name} exited with ${code}:\n${err}`));
    });
  });
}

/** Everything in RegionOne as a fresh process reads it from the database (lifting its quotas first, when asked). */
async function inventory(url: string, unlimited = false) {
  const db = await openDatabase(url);
  try {
    const sim = await openSimCloud({ persistence: db.cloudState("checker") });
    if (unlimited) sim.setQuota("RegionOne", { instances: -1, cores: -1, ramMb: -1, volumes: -1, gigabytes: -1, ports: -1 });
    await sim.flush();
    const seen = sim.inventory("RegionOne");
    const attachments = seen.volumes.flatMap((v) => v.attachments.map((a) => a.id));
    return { ...seen, attachments };
  } finally {
    await db.close();
  }
}

for (const kind of ["SQLite", "PostgreSQL"] as const) {
  describe.skipIf(kind === "PostgreSQL" && !postgres)(`the simulated cloud shared by ${PROCESSES} processes on ${kind}`, () => {
    it("creates every object once with a unique id, deletes only what each process named, loses nothing", { timeout: PROCESS_LIMIT_MS + 30_000 }, async () => {
      const db = await createTempDatabase("hearth-cloud-", kind === "PostgreSQL" ? postgres : undefined);
      try {
        const before = await inventory(db.url, true);
        const startAt = Date.now() + 2_500;
        const reports = await Promise.all(Array.from({ length: PROCESSES }, (_, i) => churn(db.url, `p${i}`, startAt)));
        const after = await inventory(db.url);

        const listed: Record<Kind, string[]> = {
          server: after.servers.map((s) => s.id),
          volume: after.volumes.map((v) => v.id),
          port: after.ports.map((p) => p.id),
          attachment: after.attachments,
        };
        const baseline: Record<Kind, string[]> = { server: before.servers.map((s) => s.id), volume: before.volumes.map((v) => v.id), port: before.ports.map((p) => p.id), attachment: [] };
        const everyId = reports.flatMap((r) => KINDS.flatMap((k) => r.created[k]));
        expect(everyId).toHaveLength(PROCESSES * ROUNDS * KINDS.length);
        expect(new Set(everyId).size).toBe(everyId.length);
        for (const k of KINDS) {
          const survivors = reports.flatMap((r) => r.created[k].filter((id) => !r.deleted[k].includes(id)));
          expect(reports.every((r) => r.deleted[k].every((id) => r.created[k].includes(id)))).toBe(true);
          expect(survivors).toHaveLength(PROCESSES * (ROUNDS / 2));
          expect([...listed[k]].sort()).toEqual([...baseline[k], ...survivors].sort());
        }
        const survivingServers = new Set(listed.server);
        for (const volume of after.volumes) for (const a of volume.attachments) expect(survivingServers.has(a.serverId)).toBe(true);
        for (const server of after.servers.filter((s) => !baseline.server.includes(s.id))) expect(server.volumes).toHaveLength(1);

        expect(new Set(reports.map((r) => JSON.stringify(r.shared))).size).toBe(1);
        const sharedNetworks = after.networks.filter((n) => n.name.startsWith("shared-"));
        expect(sharedNetworks.map((n) => n.id).sort()).toEqual([...reports[0].shared].sort());
        expect(after.networks.filter((n) => n.name.startsWith("net-p")).map((n) => n.id).sort()).toEqual(reports.map((r) => r.network).sort());
      } finally {
        await db.cleanup();
      }
    });
  });
}
