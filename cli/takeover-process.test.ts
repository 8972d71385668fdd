/**
 * A CLI create killed with SIGKILL: a later short CLI command leaves the interrupted work alone (it
 * would only take it over to abandon it again when it exits), and a `hearth engine` started
 * afterwards takes it over and completes it. Real processes on one SQLite file; every wait bounded.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { tempDatabaseFile } from "../lib/store/testing/temp-database";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const file = tempDatabaseFile("hearth-cli-takeover-");
const env = { ...process.env, DATABASE_URL: file.url, HEARTH_SIM_SPEED: "0", HEARTH_LEASE_MS: "1500", HEARTH_SWEEP_MS: "200" };
const started: ChildProcess[] = [];
const template = JSON.stringify({
  heat_template_version: "2021-04-16",
  resources: { slow: { type: "OS::Heat::TestResource", properties: { value: "done", wait_secs: 4 } }, quick: { type: "OS::Heat::None" } },
  outputs: { value: { value: { get_attr: ["slow", "output"] } } },
});

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  file.remove();
});

/** Starts a CLI process and resolves once its output matches `ready` (bounded). */
function startUntil(args: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/hearth.mjs", ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`no ${ready} within 20 s: ${seen}`)), 20_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (!ready.test(seen)) return;
      clearTimeout(timer);
      resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited ${code} before ${ready}: ${seen}`)));
  });
}

async function stackShow(): Promise<{ stack_status: string; stack_status_reason: string }> {
  const { stdout } = await run(process.execPath, ["bin/hearth.mjs", "stack", "show", "slow", "-f", "json"], { cwd: root, env });
  return JSON.parse(stdout) as { stack_status: string; stack_status_reason: string };
}

describe("work a killed CLI left behind", () => {
  it("is left alone by short CLI commands and completed by a hearth engine", { timeout: 90_000 }, async () => {
    const templateFile = path.join(path.dirname(file.url.slice("file:".length)), "slow.json");
    fs.writeFileSync(templateFile, template);
    const creator = await startUntil(["stack", "create", "slow", "-t", templateFile, "--wait"], /slow.*CREATE_IN_PROGRESS/);
    process.kill(creator.pid!, "SIGKILL");

    // longer than the lease: a CLI command that took it over would have finished the 4 s wait or left an event
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await stackShow()).stack_status).toBe("CREATE_IN_PROGRESS");
    const { stdout } = await run(process.execPath, ["bin/hearth.mjs", "stack", "event", "list", "slow"], { cwd: root, env });
    expect(stdout).not.toMatch(/resumed stack CREATE/);

    const engine = await startUntil(["engine", "--name", "engine-takeover-test"], /hearth engine engine-takeover-test ready/);
    let shown = await stackShow();
    for (let i = 0; i < 150 && shown.stack_status === "CREATE_IN_PROGRESS"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      shown = await stackShow();
    }
    expect(shown.stack_status).toBe("CREATE_COMPLETE");
    const events = await run(process.execPath, ["bin/hearth.mjs", "stack", "event", "list", "slow"], { cwd: root, env });
    expect(events.stdout).toMatch(/engine-takeover-test resumed stack CREATE/);
    const exited = new Promise((resolve) => engine.once("exit", resolve));
    engine.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
