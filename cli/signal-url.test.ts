import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleSignalPost } from "../lib/console/signal-post";
import { createHearth } from "../lib/services";
import type { Hearth } from "../lib/services/types";
import { tempDatabaseFile } from "../lib/store/testing/temp-database";
import { runCli } from "./index";
import { projectRoot } from "./testing";

const TEMPLATE = `heat_template_version: 2018-08-31
parameters:
  flavor: { type: string, default: m1.tiny }
resources:
  group:
    type: OS::Heat::AutoScalingGroup
    properties:
      min_size: 1
      max_size: 3
      resource: { type: OS::Nova::Server, properties: { image: cirros, flavor: { get_param: flavor } } }
  up:
    type: OS::Heat::ScalingPolicy
    properties: { adjustment_type: change_in_capacity, auto_scaling_group_id: { get_resource: group }, scaling_adjustment: 1, cooldown: 0 }
`;

const file = tempDatabaseFile("hearth-cli-signal-url-");
const templates = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-signal-url-templates-"));
const templateFile = path.join(templates, "scale.yaml");
fs.writeFileSync(templateFile, TEMPLATE);
const CONSOLE = "http://127.0.0.1:3125";
const open = (options: Parameters<typeof createHearth>[0]) =>
  createHearth({ databaseUrl: file.url, root: projectRoot, simSpeed: 0, simSeed: 4, pollIntervalMs: 10, haMonitor: false, ...options });
let consoleHearth: Hearth;
let cliHearth: Hearth;

beforeAll(async () => {
  // The console server on port 3125 records its address; the CLI process runs with no PORT of its own.
  consoleHearth = await open({ owner: "engine-console", consoleUrl: CONSOLE, servesConsole: true });
  cliHearth = await open({ owner: "engine-cli", consoleUrl: "http://127.0.0.1:3000", servesConsole: false });
});
afterAll(async () => {
  await cliHearth.close();
  await consoleHearth.close();
  file.remove();
  fs.rmSync(templates, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: projectRoot, openHearth: async () => cliHearth });
  return { code, out: out.trim(), err };
}

/** POSTs a URL as the console's route does, through the console's Hearth. */
async function post(url: string): Promise<number> {
  const token = decodeURIComponent(new URL(url).pathname.split("/").pop()!);
  return (await handleSignalPost(consoleHearth, token, new Request(url, { method: "POST" }))).status;
}

describe("hearth stack signal-url", () => {
  it("prints the console's real address, and the URL keeps working while the stack lives: after signals, an update and a restart", async () => {
    expect((await cli("stack", "create", "scale", "-t", templateFile, "--wait")).code).toBe(0);
    const printed = await cli("stack", "signal-url", "scale", "up");
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(new RegExp(`^${CONSOLE}/api/signals/[\\w.-]+$`));
    expect((await consoleHearth.getResource("scale", "up")).attributes.signal_url).toBe(printed.out);

    expect(await post(printed.out)).toBe(200);
    expect((await cliHearth.getResource("scale", "group")).attributes.current_size).toBe(2);
    expect((await cli("stack", "update", "scale", "--existing", "--parameter", "flavor=m1.small", "--wait")).code).toBe(0);
    expect((await cli("stack", "signal-url", "scale", "up")).out).toBe(printed.out);
    expect(await post(printed.out)).toBe(200);
    expect((await cliHearth.getResource("scale", "group")).attributes.current_size).toBe(3);

    // A restarted console (same database, same secret) still takes it.
    await consoleHearth.close();
    consoleHearth = await open({ owner: "engine-console-2", consoleUrl: CONSOLE, servesConsole: true });
    expect(await post(printed.out)).toBe(200);

    // Once the stack is gone, its URL leads nowhere.
    expect((await cli("stack", "delete", "scale", "-y", "--wait")).code).toBe(0);
    expect(await post(printed.out)).toBe(404);
  });

  it("prints HEARTH_PUBLIC_URL's address when one is configured", async () => {
    const configured = await open({ owner: "engine-cli-public", publicUrl: "https://hearth.example", servesConsole: false });
    try {
      let out = "";
      const io = { stdout: (t: string) => void (out += t), stderr: () => undefined, cwd: projectRoot, openHearth: async () => configured };
      expect(await runCli(["stack", "create", "public", "-t", templateFile, "--wait"], io)).toBe(0);
      out = "";
      expect(await runCli(["stack", "signal-url", "public", "up", "--alarm"], io)).toBe(0);
      expect(out).toMatch(/^https:\/\/hearth\.example\/api\/signals\/[\w.-]+\n$/);
      expect(await post(out.trim())).toBe(200);
    } finally {
      await configured.close();
    }
  });
});
