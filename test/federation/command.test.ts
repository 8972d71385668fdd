/**
 * `npm run federation` (scripts/federation.mjs) as an operator runs it, on ports 3220-3222: three
 * region processes that print where they answer; the real `openstack --os-region-name RegionTwo stack
 * list` (authenticated by RegionOne's Keystone) reaches RegionTwo's own service and lists the child a
 * RegionOne parent made there; SIGINT (Ctrl-C) stops every region.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heat, PASSWORD, settled, tokenFrom } from "./harness";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BASE_PORT = 3220;
const origins = [0, 1, 2].map((i) => `http://127.0.0.1:${BASE_PORT + i}`);
const OPENSTACK = "/usr/bin/openstack";

let dir: string;
let command: ChildProcess;
let output = "";
/** The region pids the command printed (killed by pid in afterAll should SIGINT not have stopped them). */
let regionPids: number[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hearth-federation-cmd-"));
  const env = { ...process.env, HEARTH_FEDERATION_DIR: dir, HEARTH_FEDERATION_PORT: String(BASE_PORT), HEARTH_SIM_SPEED: "0", HEARTH_BOOTSTRAP_PASSWORD: PASSWORD };
  command = spawn(process.execPath, [path.join(ROOT, "scripts", "federation.mjs")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  command.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  command.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 600 && !output.includes("Ctrl-C stops every region."); i++) {
    if (command.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  regionPids = [...output.matchAll(/pid (\d+)\)/g)].map((m) => Number(m[1]));
}, 90_000);

afterAll(() => {
  for (const pid of [command?.pid, ...regionPids]) {
    try {
      if (pid) process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run federation", () => {
  it("starts three regions, each its own process, and prints how to reach them", () => {
    expect(output).toContain(`federation file ${path.join(dir, "federation.json")}`);
    for (const [i, region] of ["RegionOne", "RegionTwo", "RegionThree"].entries()) expect(output).toContain(`${region.padEnd(12)} ${origins[i]}`);
    expect(new Set(regionPids).size).toBe(3);
    expect(existsSync(path.join(dir, "RegionTwo.db"))).toBe(true);
  });

  it.skipIf(!existsSync(OPENSTACK))("lets the real openstack client reach RegionTwo through RegionOne's Keystone", async () => {
    const token = (await tokenFrom(origins[0])).token!;
    const template = JSON.stringify({
      heat_template_version: "2018-08-31",
      resources: { two: { type: "OS::Heat::Stack", properties: { context: { region_name: "RegionTwo" }, template: JSON.stringify({ heat_template_version: "2018-08-31", resources: { n: { type: "OS::Neutron::Net" } } }) } } },
    });
    expect((await heat(origins[0], token, "POST", "stacks", { stack_name: "top", template })).status).toBe(201);
    expect((await settled(origins[0], token, "top")).stack_status).toBe("CREATE_COMPLETE");
    const env = { ...process.env, OS_AUTH_URL: `${origins[0]}/identity/v3`, OS_USERNAME: "admin", OS_PASSWORD: PASSWORD, OS_PROJECT_NAME: "admin", OS_USER_DOMAIN_NAME: "Default", OS_PROJECT_DOMAIN_NAME: "Default", OS_IDENTITY_API_VERSION: "3" };
    const { stdout } = await promisify(execFile)(OPENSTACK, ["--os-region-name", "RegionTwo", "stack", "list", "-f", "json"], { env, timeout: 120_000 });
    const names = (JSON.parse(stdout) as { "Stack Name": string }[]).map((s) => s["Stack Name"]);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^top-two-[0-9a-f]{12}$/);
  }, 150_000);

  it("stops every region on Ctrl-C (SIGINT)", async () => {
    const exited = new Promise<number | null>((resolve) => command.once("exit", (code) => resolve(code)));
    command.kill("SIGINT");
    expect(await exited).toBe(0);
    for (const pid of regionPids) expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);
});
