/**
 * The federation tests' side of three real region processes (scripts/federation.mjs): tokens from a
 * region's Keystone API, calls to a region's Heat API, and bounded waits for a stack to settle.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFederation, startRegion, type RegionProcess } from "../../scripts/federation.mjs";

/** The admin password every region bootstraps with. */
export const PASSWORD = "federation-test-secret";

/** A started federation and how to stop it. */
export interface TestFederation {
  dir: string;
  file: string;
  regions: Record<string, RegionProcess>;
  /** kill -9 of one region, waiting until its process is gone. */
  kill(region: string): Promise<void>;
  /** Starts a region again on its port (same database) and waits until it is ready. */
  restart(region: string): Promise<RegionProcess>;
  /** kill -9 of every process started (afterAll), by pid; removes the folder. */
  stop(): Promise<void>;
}

/** Starts RegionOne, RegionTwo and RegionThree on basePort.. with an instant simulated cloud (and `extraEnv` in each). */
export async function startTestFederation(basePort: number, extraEnv: Record<string, string> = {}): Promise<TestFederation> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-federation-"));
  const env = { HEARTH_SIM_SPEED: "0", HEARTH_SIM_SEED: "7", HEARTH_BOOTSTRAP_PASSWORD: PASSWORD, HEARTH_SWEEP_MS: "200", HEARTH_LEASE_MS: "1000", ...extraEnv };
  const started: RegionProcess[] = [];
  const { file, regions } = await startFederation({ dir, basePort, env });
  started.push(...regions);
  const byName: Record<string, RegionProcess> = Object.fromEntries(regions.map((r) => [r.region, r]));
  const killOne = async (r: RegionProcess) => {
    if (!r.alive()) return;
    const exited = new Promise<void>((resolve) => r.child.once("exit", () => resolve()));
    process.kill(r.child.pid!, "SIGKILL");
    await exited;
  };
  return {
    dir,
    file,
    regions: byName,
    kill: (region) => killOne(byName[region]),
    async restart(region) {
      const port = Number(new URL(byName[region].origin).port);
      byName[region] = await startRegion({ region, host: "127.0.0.1", port, dir, federationFile: file, env });
      started.push(byName[region]);
      return byName[region];
    },
    async stop() {
      await Promise.all(started.map(killOne));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A project-scoped token for admin from `origin`'s Keystone API. */
export async function tokenFrom(origin: string, password = PASSWORD): Promise<{ status: number; token: string | null }> {
  const response = await fetch(`${origin}/identity/v3/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: { identity: { methods: ["password"], password: { user: { name: "admin", domain: { id: "default" }, password } } }, scope: { project: { name: "admin", domain: { id: "default" } } } },
    }),
  });
  await response.arrayBuffer();
  return { status: response.status, token: response.headers.get("x-subject-token") };
}

/** One call to `origin`'s Heat API for the admin project; answers the status and JSON body. */
export async function heat(origin: string, token: string, method: string, pathAfterProject: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${origin}/heat-api/v1/admin/${pathAfterProject}`, {
    method,
    headers: { "x-auth-token": token, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A stack's detail by name (the lookup redirect followed); undefined when the region has none. */
export async function stackNamed(origin: string, token: string, name: string): Promise<any> {
  const answer = await heat(origin, token, "GET", `stacks/${name}`);
  return answer.status === 404 ? undefined : answer.body.stack;
}

/** Polls (at most `polls` times, 100 ms apart) until `done(stack)`; answers the last stack read. */
export async function waitFor(read: () => Promise<any>, done: (stack: any) => boolean, polls = 300): Promise<any> {
  let last: any;
  for (let i = 0; i < polls; i++) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not settled after ${polls} polls: ${JSON.stringify(last)?.slice(0, 500)}`);
}

/** Until the stack `name` on `origin` is no longer IN_PROGRESS. */
export function settled(origin: string, token: string, name: string): Promise<any> {
  return waitFor(() => stackNamed(origin, token, name), (s) => s !== undefined && !String(s.stack_status).endsWith("_IN_PROGRESS"));
}

/** A stack's outputs as a key -> value map. */
export function outputsOf(stack: any): Record<string, unknown> {
  return Object.fromEntries((stack.outputs ?? []).map((o: any) => [o.output_key, o.output_value]));
}
