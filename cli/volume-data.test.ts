import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useCliHearth } from "./testing";

const { cli } = useCliHearth("hearth-cli-volume-data-", { simSeed: 6, owner: "engine-cli-volume-data", haMonitor: false });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-volume-data-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (text: string) => JSON.parse(text) as Record<string, string>;

describe("hearth cloud volume write|read", () => {
  it("writes through the active member, and after two failovers reads the same data through each new one", async () => {
    expect((await cli("stack", "create", "pair", "-t", "examples/ha/active-passive.yaml", "--wait")).code).toBe(0);
    const [volume] = JSON.parse((await cli("cloud", "volume", "list", "-f", "json")).out) as { ID: string; Name: string }[];

    const written = await cli("cloud", "volume", "write", volume.ID, "orders", "alpha,beta", "-f", "json");
    expect(written.err).toBe("");
    expect(written.code).toBe(0);
    const first = json(written.out);
    expect(first).toMatchObject({ Volume: volume.ID, Region: "RegionOne", Key: "orders", Content: "alpha,beta" });

    let through = first.Server;
    for (const round of [1, 2]) {
      expect((await cli("stack", "failover", "pair", "server_failover_policy", "--reason", `drill ${round}`)).code).toBe(0);
      const read = await cli("cloud", "volume", "read", volume.ID, "orders", "-f", "json");
      expect(read.code).toBe(0);
      const shown = json(read.out);
      expect(shown).toMatchObject({ Volume: volume.ID, Key: "orders", Content: "alpha,beta" });
      expect(shown.Server).not.toBe(through); // read through the new active member
      through = shown.Server;
    }
    // -f value prints the fields one per line, the content last (for scripts).
    expect((await cli("cloud", "volume", "read", volume.ID, "orders", "-f", "value")).out.trim().split("\n").at(-1)).toBe("alpha,beta");
  });

  it("says when a key holds nothing, the volume is unknown, not attached, or not attached to the server named", async () => {
    const [volume] = JSON.parse((await cli("cloud", "volume", "list", "-f", "json")).out) as { ID: string }[];
    const empty = await cli("cloud", "volume", "read", volume.ID, "nothing-here");
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/Nothing is stored under "nothing-here" on volume .* \(read through server .*\)/);

    const unknown = await cli("cloud", "volume", "read", "no-such-volume", "k");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Volume no-such-volume could not be found/);

    const wrongServer = await cli("cloud", "volume", "write", volume.ID, "k", "v", "--server", "no-such-server");
    expect(wrongServer.code).toBe(1);
    expect(wrongServer.err).toMatch(/is not attached to server no-such-server \(it is attached to \S+\)/);

    const template = path.join(dir, "loose.yaml");
    fs.writeFileSync(template, "heat_template_version: 2018-08-31\nresources:\n  loose: { type: OS::Cinder::Volume, properties: { size: 1, name: loose } }\n");
    expect((await cli("stack", "create", "loose", "-t", template, "--wait")).code).toBe(0);
    const detached = await cli("cloud", "volume", "write", "loose", "k", "v");
    expect(detached.code).toBe(1);
    expect(detached.err).toMatch(/is not attached to any server: its data is written and read through the server it is attached to/);
  });
});
