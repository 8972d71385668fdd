/**
 * `hearth engine` as a process: the one ready line, the Heat and Keystone API at the console's
 * paths with --listen, exit 0 on SIGTERM, and one clear line (exit 1 or 2) for a database it cannot
 * use or a bad option.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabaseFile } from "../../lib/store/testing/temp-database";
import { EngineFleet, freshCli, ROOT } from "./engines";
import { PeerClient } from "./heat-client";

const run = promisify(execFile);
const PASSWORD = "engine-secret";
const file = tempDatabaseFile("hearth-engine-cmd-");
const fleet = new EngineFleet({ databaseUrl: file.url, password: PASSWORD, simSpeed: 0, simSeed: 3, leaseMs: 3000, sweepMs: 500, prefix: "engine-cmd" });

beforeAll(async () => {
  await freshCli();
  await fleet.start(1);
}, 120_000);

afterAll(async () => {
  await fleet.stopAll();
  file.remove();
});

/** Runs `hearth ...` to its end with `env` added; its exit code and output. */
async function hearth(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, "bin", "hearth.mjs"), ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("hearth engine", () => {
  it("serves Keystone and Heat at /identity and /heat-api, Heat's 404 elsewhere", async () => {
    const client = new PeerClient(fleet, PASSWORD);
    await client.login();
    const versions = await client.call("GET", "/heat-api/");
    expect(versions.status).toBe(300);
    expect(versions.body.versions[0].links[0].href).toBe(`${fleet.slots[0].origin}/heat-api/v1/`);
    const stacks = await client.call("GET", client.path("/stacks"));
    expect(stacks).toMatchObject({ status: 200, body: { stacks: [] } });
    const elsewhere = await client.call("GET", "/api/stacks");
    expect(elsewhere).toMatchObject({ status: 404, body: { code: 404, error: { type: "HTTPNotFound" } } });
  });

  it("stops on SIGTERM with exit code 0", async () => {
    const engine = fleet.slots[0];
    const exited = new Promise<number | null>((resolve) => engine.child.once("exit", (code) => resolve(code)));
    engine.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(engine.stderr).toContain(`hearth engine ${engine.name}: SIGTERM, stopping`);
  }, 30_000);

  it("refuses a database it cannot reach in one line, before anything else", async () => {
    const result = await hearth(["engine", "--name", "unreachable"], { DATABASE_URL: "postgresql://hearth@127.0.0.1:1/nothing" });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^ERROR: cannot use the PostgreSQL database postgresql:\/\/hearth@127\.0\.0\.1:1\/nothing: .*ECONNREFUSED/)]);
  }, 60_000);

  it("refuses a bad option with its usage error (exit 2)", async () => {
    const result = await hearth(["engine", "--lease-ms", "soon"], { DATABASE_URL: file.url });
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr.trim()).toBe('hearth: error: --lease-ms must be a whole number of milliseconds >= 100, not "soon"');
    const listen = await hearth(["engine", "--listen", "8004"], { DATABASE_URL: file.url });
    expect(listen.stderr.trim()).toBe('hearth: error: --listen must be <host>:<port> (e.g. 127.0.0.1:8004), not "8004"');
  }, 60_000);
});
