import { describe, expect, it } from "vitest";
import { haRig, type HaRig } from "./ha-rig";

/** What the cloud holds that no member of the pair accounts for. */
async function orphans(r: HaRig, stackId: string, volume: string): Promise<string[]> {
  const inv = r.sim.inventory();
  const attrs = await r.attributes(stackId, "server_failover_policy");
  const members = [attrs.active_member as string, ...(attrs.standby_members as string[])];
  const problems: string[] = [];
  const servers = inv.servers.map((s) => s.id);
  for (const id of servers) if (!members.includes(id)) problems.push(`server ${id} is not a member`);
  for (const id of members) if (!servers.includes(id)) problems.push(`member ${id} has no server`);
  for (const p of inv.ports) if (p.deviceId && !servers.includes(p.deviceId)) problems.push(`port ${p.id} bound to a gone server`);
  if (inv.ports.filter((p) => p.deviceId).length !== servers.length) problems.push(`${inv.ports.length} ports for ${servers.length} servers`);
  const v = inv.volumes.find((x) => x.id === volume)!;
  if (v.attachments.length !== 1 || v.attachments[0].serverId !== attrs.active_member) problems.push(`volume attachments ${JSON.stringify(v.attachments)}`);
  if (inv.volumes.length !== 1) problems.push(`${inv.volumes.length} volumes`);
  return problems;
}

describe("the volume's content through failovers", () => {
  it("100 failovers in a row (signals, crashes, hung servers) lose nothing and leave nothing behind", async () => {
    const r = haRig();
    const stack = await r.launch("pair", "active-passive.yaml");
    const volume = (await r.store.listResources(stack.id)).find((x) => x.name === "volume")!.physicalId!;
    const client = r.sim.region("RegionOne").volume;
    const active = async () => (await r.attributes(stack.id, "server_failover_policy")).active_member as string;
    const written: Record<string, string> = {};
    for (let i = 0; i < 100; i++) {
      const from = await active();
      const bytes = `round ${i}: ${"x".repeat(i % 7)}\u00e9\u0000end`;
      await client.writeData(volume, from, `k${i}`, bytes);
      written[`k${i}`] = bytes;
      if (i % 3 === 1) r.sim.faults.crashServer(from);
      if (i % 3 === 2) r.sim.faults.hangServer(from);
      // a crash or hang is found by the policy's own health reading; a plain signal forces a switchover
      await r.clock.run(r.engine.signal(stack.id, "server_failover_policy", { reason: `round ${i}`, force: i % 3 === 0 }));
      const to = await active();
      expect(to, `round ${i}`).not.toBe(from);
      expect(await client.readData(volume, to, `k${i}`)).toBe(bytes);
    }
    const last = await active();
    for (const [key, bytes] of Object.entries(written)) expect(await client.readData(volume, last, key)).toBe(bytes);
    expect(await orphans(r, stack.id, volume)).toEqual([]);
    const policy = (await r.store.listResources(stack.id)).find((x) => x.name === "server_failover_policy")!;
    expect(policy.data.failovers).toBe("100");
  }, 120_000);
});
