import { describe, expect, it } from "vitest";
import { createMemoryPersistence, createSimCloud, openSimCloud, type SimPersistence } from "./index";

/** A memory store whose transactions wait while the gate is closed: `close()` shuts it and answers the function that opens it. */
function gatedPersistence(): { inner: ReturnType<typeof createMemoryPersistence>; gated: SimPersistence; close(): () => void } {
  const inner = createMemoryPersistence();
  let gate: Promise<void> | undefined;
  const gated: SimPersistence = {
    since: (known) => inner.since(known),
    transact: async (known, work) => {
      await gate;
      return inner.transact(known, work);
    },
  };
  return {
    inner,
    gated,
    close: () => {
      let open: () => void = () => undefined;
      gate = new Promise((resolve) => (open = resolve));
      return open;
    },
  };
}

describe("sim persistence", () => {
  it("restores everything after a restart: entities, content, faults, quotas and pending transitions", async () => {
    const clock = { t: 1_700_000_000_000, now: () => clock.t };
    const persistence = createMemoryPersistence();
    const first = await openSimCloud({ seed: 51, speed: 1, apiSpeed: 0, clock, persistence });
    const one = first.region("RegionOne");
    const server = await one.compute.createServer({ name: "db", flavor: "m1.small", image: "cirros" });
    const vol = await one.volume.createVolume({ name: "data", sizeGb: 2 });
    clock.t += 10_000;
    await one.volume.attachVolume(vol.id, server.id);
    clock.t += 10_000;
    await one.volume.writeData(vol.id, server.id, "k", "v");
    const fip = await one.network.createFloatingIp({ floatingNetwork: "public", portId: server.addresses[0].portId });
    const slow = await one.compute.createServer({ name: "slow", flavor: "m1.tiny", image: "cirros" });
    first.faults.failNext("RegionTwo", "compute.createServer", 1, "boom");
    first.faults.setRegionOnline("RegionThree", false);
    first.faults.hangServer(server.id);
    first.setQuota("RegionOne", { instances: 7 });
    await first.flush();
    const before = first.inventory();

    const second = createSimCloud({ seed: 999, speed: 1, apiSpeed: 0, clock, persistence });
    expect(() => second.region("RegionOne")).toThrow(/load\(\)/);
    await second.load();
    expect(second.inventory()).toEqual(before);
    const again = second.region("RegionOne");
    expect((await again.compute.getServer(slow.id)).status).toBe("BUILD");
    clock.t += 10_000;
    expect((await again.compute.getServer(slow.id)).status).toBe("ACTIVE");
    expect(await again.compute.getServer(server.id)).toMatchObject({ hung: true, volumes: [vol.id] });
    expect(second.readVolumeData(vol.id, "k")).toBe("v");
    expect((await again.network.getFloatingIp(fip.id)).portId).toBe(server.addresses[0].portId);
    expect((await again.quota()).limits.instances).toBe(7);
    await expect(second.region("RegionTwo").compute.listServers()).resolves.toEqual([]);
    await expect(second.region("RegionTwo").compute.createServer({ name: "x", flavor: "m1.tiny", image: "cirros" })).rejects.toMatchObject({
      message: "boom",
    });
    await expect(second.region("RegionThree").quota()).rejects.toMatchObject({ code: "RegionUnavailable" });
    // The restored cloud continues the id sequence and the address pools instead of repeating them.
    const next = await again.compute.createServer({ name: "next", flavor: "m1.tiny", image: "cirros" });
    expect(before.servers.map((s) => s.id)).not.toContain(next.id);
    expect(next.addresses[0].address).toBe("10.0.0.4");
  });

  it("makes each changing call one transaction, saves deletions as tombstones and reads without writing", async () => {
    const persistence = createMemoryPersistence();
    const sim = await openSimCloud({ seed: 52, persistence });
    const savesAfterBoot = persistence.saves;
    expect(savesAfterBoot).toBe(1);
    const net = sim.region("RegionOne").network;
    const created: Awaited<ReturnType<typeof net.createNetwork>>[] = [];
    for (let i = 0; i < 5; i++) created.push(await net.createNetwork({ name: `n${i}` }));
    await net.listNetworks();
    await net.getNetwork(created[1].id);
    expect(persistence.saves - savesAfterBoot).toBe(5);
    await net.deleteNetwork(created[0].id);
    const rows = persistence.rows().filter((r) => r.kind === "network" && r.region === "RegionOne");
    expect(rows).toHaveLength(2 + 4);
    expect(rows.some((r) => r.id === created[0].id)).toBe(false);
    const restored = await openSimCloud({ persistence });
    expect((await restored.region("RegionOne").network.listNetworks()).map((n) => n.name)).toEqual(["public", "private", ...created.slice(1).map((n) => n.name)]);
  });

  it("keeps nothing of a call whose transaction fails: memory rolled back, the store unchanged, the next call fine", async () => {
    const inner = createMemoryPersistence();
    let failing = false;
    const flaky: SimPersistence = {
      since: (known) => inner.since(known),
      transact: async (known, work) => {
        if (!failing) return inner.transact(known, work);
        await inner.transact(known, (delta) => ({ changes: { upserts: [], deletes: [] }, result: work(delta) }));
        throw new Error("disk full");
      },
    };
    const sim = await openSimCloud({ seed: 53, persistence: flaky });
    const client = sim.region("RegionOne");
    const before = sim.inventory("RegionOne");
    failing = true;
    await expect(client.compute.createServer({ name: "lost", flavor: "m1.tiny", image: "cirros" })).rejects.toThrow("disk full");
    expect(sim.inventory("RegionOne")).toEqual(before);
    sim.faults.setRegionOnline("RegionTwo", false);
    await expect(sim.flush()).rejects.toThrow("disk full");
    failing = false;
    const made = await client.compute.createServer({ name: "late", flavor: "m1.tiny", image: "cirros" });
    await sim.flush();
    const restored = await openSimCloud({ persistence: inner });
    const twin = await createSimCloud({ seed: 53 }).region("RegionOne").compute.createServer({ name: "late", flavor: "m1.tiny", image: "cirros" });
    expect((await restored.region("RegionOne").compute.listServers()).map((s) => [s.id, s.name, s.addresses])).toEqual([[twin.id, "late", twin.addresses]]);
    expect(await restored.regions()).toContainEqual({ name: "RegionTwo", available: false });
  });

  it("rolls back a call that fails half-way in memory too: ids and addresses it took are taken again next", async () => {
    const sim = createSimCloud({ seed: 55 });
    const twin = createSimCloud({ seed: 55 });
    const before = sim.inventory("RegionOne");
    const private_ = before.networks.find((n) => n.name === "private")!.id;
    const broken = { name: "x", flavor: "m1.tiny", image: "cirros", networks: [{ networkId: private_ }, { portId: "no-such-port" }] };
    await expect(sim.region("RegionOne").compute.createServer(broken)).rejects.toMatchObject({ code: "BadRequest" });
    expect(sim.inventory("RegionOne")).toEqual(before);
    const spec = { name: "y", flavor: "m1.tiny", image: "cirros" };
    const expected = await twin.region("RegionOne").compute.createServer(spec);
    expect(await sim.region("RegionOne").compute.createServer(spec)).toMatchObject({ id: expected.id, addresses: expected.addresses });
  });

  it("writes an operator change and a call's change of the same row in one batch, the call's on top", async () => {
    const { inner, gated, close } = gatedPersistence();
    const sim = await openSimCloud({ seed: 57, persistence: gated });
    const client = sim.region("RegionOne").compute;
    const release = close();
    const first = client.createServer({ name: "a", flavor: "m1.tiny", image: "cirros" });
    const second = client.createServer({ name: "b", flavor: "m1.tiny", image: "cirros" });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    // Queued while both calls wait: the second call's transaction takes it, and writes the region row once.
    sim.setQuota("RegionOne", { instances: 3 });
    release();
    const made = await Promise.all([first, second]);
    await sim.flush();
    const restored = await openSimCloud({ persistence: inner });
    expect((await restored.region("RegionOne").quota()).limits.instances).toBe(3);
    expect((await restored.region("RegionOne").compute.listServers()).map((s) => s.id)).toEqual(made.map((s) => s.id));
  });

  it("commits the calls that arrive during a commit together, each undone alone when it throws (group commit)", async () => {
    const { inner, gated, close } = gatedPersistence();
    const sim = await openSimCloud({ seed: 58, persistence: gated });
    const twin = createSimCloud({ seed: 58 });
    const compute = sim.region("RegionOne").compute;
    const savesBefore = inner.saves;
    const release = close();
    const spec = (name: string) => ({ name, flavor: "m1.tiny", image: "cirros" });
    const first = compute.createServer(spec("s0"));
    // Arrive while the first call's transaction waits on the store: they share the next one.
    const rest = [1, 2, 3].map((i) => compute.createServer(spec(`s${i}`)));
    const broken = compute.createServer({ ...spec("bad"), networks: [{ portId: "no-such-port" }] });
    const last = compute.createServer(spec("s4"));
    release();
    const made = await Promise.all([first, ...rest, last]);
    await expect(broken).rejects.toMatchObject({ code: "BadRequest" });
    expect(inner.saves - savesBefore).toBe(2);
    // Same ids and addresses as one call after another on a twin: the broken call took nothing.
    const expected: Awaited<ReturnType<typeof compute.createServer>>[] = [];
    for (let i = 0; i < 5; i++) expected.push(await twin.region("RegionOne").compute.createServer(spec(`s${i}`)));
    expect(made.map((s) => [s.id, s.addresses])).toEqual(expected.map((s) => [s.id, s.addresses]));
    const restored = await openSimCloud({ persistence: inner });
    expect((await restored.region("RegionOne").compute.listServers()).map((s) => s.name).sort()).toEqual(["s0", "s1", "s2", "s3", "s4"]);
  });

  it("shares catch-ups between reads: one query for the reads that arrive during another, each still seeing what was committed before it began", async () => {
    const inner = createMemoryPersistence();
    const writer = await openSimCloud({ seed: 59, persistence: inner });
    let sinceCalls = 0;
    let release: () => void = () => undefined;
    let gate: Promise<void> | undefined;
    const counted: SimPersistence = {
      since: async (known) => {
        sinceCalls++;
        const delta = await inner.since(known);
        await gate;
        return delta;
      },
      transact: (known, work) => inner.transact(known, work),
    };
    const reader = await openSimCloud({ persistence: counted });
    const before = sinceCalls;
    gate = new Promise((resolve) => (release = resolve));
    const first = reader.region("RegionOne").network.listNetworks();
    for (let i = 0; i < 10; i++) await Promise.resolve();
    // Committed while the first catch-up runs (its delta was taken before): the later reads must see it.
    const made = await writer.region("RegionOne").network.createNetwork({ name: "late" });
    const later = Array.from({ length: 8 }, () => reader.region("RegionOne").network.listNetworks());
    gate = undefined;
    release();
    await first;
    for (const listed of await Promise.all(later)) expect(listed.map((n) => n.id)).toContain(made.id);
    expect(sinceCalls - before).toBe(2);
  });

  it("reloads everything when the tombstones it would need were pruned", async () => {
    const persistence = createMemoryPersistence();
    const a = await openSimCloud({ seed: 56, persistence });
    const b = await openSimCloud({ seed: 56, persistence });
    const doomed = await a.region("RegionOne").network.createNetwork({ name: "doomed" });
    expect((await b.region("RegionOne").network.listNetworks()).map((n) => n.id)).toContain(doomed.id);
    await a.region("RegionOne").network.deleteNetwork(doomed.id);
    persistence.prune();
    expect((await b.region("RegionOne").network.listNetworks()).map((n) => n.id)).not.toContain(doomed.id);
  });

  it("lets two processes share one store: each sees the other's saved changes before its next call", async () => {
    const persistence = createMemoryPersistence();
    const cli = await openSimCloud({ seed: 54, persistence });
    await cli.flush();
    const web = await openSimCloud({ seed: 54, persistence });
    const made = await cli.region("RegionOne").compute.createServer({ name: "from-cli", flavor: "m1.tiny", image: "cirros" });
    await cli.flush();
    const seen = await web.region("RegionOne").compute.listServers();
    expect(seen.map((s) => s.id)).toEqual([made.id]);
    const other = await web.region("RegionOne").compute.createServer({ name: "from-console", flavor: "m1.tiny", image: "cirros" });
    expect(other.id).not.toBe(made.id);
    expect(other.addresses[0].address).not.toBe(made.addresses[0].address);
    await web.flush();
    web.faults.setRegionOnline("RegionTwo", false);
    await web.flush();
    await expect(cli.region("RegionTwo").quota()).rejects.toMatchObject({ code: "RegionUnavailable" });
    await cli.sync();
    expect(cli.inventory("RegionOne").servers.map((s) => s.name)).toEqual(["from-cli", "from-console"]);
  });
});
