import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EventRecord } from "../lib/engine/ports";
import { createHearth } from "../lib/services";
import type { Hearth } from "../lib/services/types";
import { tempDatabaseFile } from "../lib/store/testing/temp-database";

const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const file = tempDatabaseFile("hearth-xproc-");
let consoleHearth: Hearth;

beforeAll(async () => {
  consoleHearth = await createHearth({ databaseUrl: file.url, root, simSpeed: 0, pollIntervalMs: 20, owner: "engine-console" });
});
afterAll(async () => {
  await consoleHearth.close();
  file.remove();
});

describe("a CLI process and a long-running process sharing one database", () => {
  it("streams the CLI's events to the other process's subscribers and shares the cloud's state", async () => {
    const created = await consoleHearth.create("shared", { template: fs.readFileSync(path.join(root, "examples/simple-server.yaml"), "utf8") });
    await created.done;
    const seen: EventRecord[] = [];
    const last = (await consoleHearth.listEvents("shared")).at(-1)!.seq;
    await consoleHearth.subscribe(created.stackId, last, (e) => seen.push(e));

    const env = { ...process.env, DATABASE_URL: file.url, HEARTH_SIM_SPEED: "0" };
    const cli = await execFileAsync(process.execPath, ["bin/hearth.mjs", "stack", "update", "shared", "--existing", "--parameter", "flavor=m1.tiny", "--wait", "-f", "json"], { cwd: root, env });
    expect(JSON.parse(cli.stdout.slice(cli.stdout.indexOf("{")))).toMatchObject({ stack_name: "shared", stack_status: "UPDATE_COMPLETE" });

    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ resourceName: "shared", action: "UPDATE", status: "COMPLETE" }), { timeout: 5000 });
    expect(seen[0]).toMatchObject({ resourceName: "shared", action: "UPDATE", status: "IN_PROGRESS" });
    const servers = (await consoleHearth.cloudInventory("RegionOne")).servers.filter((s) => s.name === "web-1");
    expect(servers.map((s) => s.flavorId)).toEqual(["1"]);
  });

  it("returns once an operation has started without --wait, and a signal from another CLI run completes it", async () => {
    const env = { ...process.env, DATABASE_URL: file.url, HEARTH_SIM_SPEED: "0" };
    const started = await execFileAsync(process.execPath, ["bin/hearth.mjs", "stack", "create", "waits", "-t", "examples/wait-condition.yaml", "-f", "json"], { cwd: root, env });
    expect(JSON.parse(started.stdout)).toMatchObject({ stack_name: "waits", stack_status: "CREATE_IN_PROGRESS" });
    expect(started.stderr).toMatch(/goes on in the background \(process \d+, log .*stack-create-.*\.log\)/);

    const signal = JSON.stringify({ status: "SUCCESS", reason: "booted", data: "ready", id: "1" });
    await execFileAsync(process.execPath, ["bin/hearth.mjs", "stack", "resource", "signal", "waits", "handle", "--data", signal], { cwd: root, env });
    await vi.waitFor(async () => expect((await consoleHearth.getStack("waits")).stack.status).toBe("COMPLETE"), { timeout: 15_000, interval: 100 });
    const outputs = await consoleHearth.outputs("waits");
    expect(outputs.find((o) => o.key === "data")?.value).toBe('{"1": "ready"}');
  });
});
