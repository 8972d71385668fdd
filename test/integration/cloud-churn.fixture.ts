/**
 * Run as a separate process by cloud-concurrency.test.ts: opens the simulated cloud on the database
 * argv[2] as process argv[3], waits until the epoch-ms instant argv[5] (so that every process starts
 * together), then runs argv[4] rounds on RegionOne, four at a time: each round creates a port, a server
 * on it, a volume and an attachment, and every odd round then deletes what it made (detach,
 * volume, server, port). Every process also creates the networks of the client tokens "shared-0".. "shared-4"
 * (the same tokens in every process). Prints what it created, deleted and got for the shared tokens, as JSON.
 */
import { openSimCloud } from "../../lib/cloud/sim";
import type { RegionClient } from "../../lib/engine/ports";
import { openDatabase } from "../../lib/store/database";

const [url, name, rounds, startAt] = process.argv.slice(2);
const db = await openDatabase(url);
const sim = await openSimCloud({ persistence: db.cloudState(name), apiSpeed: 0.05, speed: 0 });
const client = sim.region("RegionOne");
const created: Record<"server" | "volume" | "port" | "attachment", string[]> = { server: [], volume: [], port: [], attachment: [] };
const deleted: typeof created = { server: [], volume: [], port: [], attachment: [] };
const MAX_READS = 50;

/** Reads until `done` holds (bounded). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < MAX_READS; i++) {
    const value = await read();
    if (done(value)) return value;
  }
  throw new Error(`${name}: not settled after ${MAX_READS} reads`);
}

await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const network = await client.network.createNetwork({ name: `net-${name}` });
await client.network.createSubnet({ networkId: network.id, cidr: "10.200.0.0/16" });
const shared = await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await sim.region("RegionOne", undefined, `shared-${i}`).network.createNetwork({ name: `shared-${i}` })).id));

type Made = { server: string; volume: string; port: string; attachment: string };

async function round(c: RegionClient, i: number): Promise<Made> {
  const port = await c.network.createPort({ networkId: network.id, name: `${name}-p${i}` });
  created.port.push(port.id);
  const server = await c.compute.createServer({ name: `${name}-s${i}`, flavor: "m1.tiny", image: "cirros", networks: [{ portId: port.id }] });
  created.server.push(server.id);
  const volume = await c.volume.createVolume({ name: `${name}-v${i}`, sizeGb: 1 });
  created.volume.push(volume.id);
  await until(() => c.compute.getServer(server.id), (s) => s.status === "ACTIVE");
  await until(() => c.volume.getVolume(volume.id), (v) => v.status === "available");
  const attachment = await c.volume.attachVolume(volume.id, server.id);
  created.attachment.push(attachment.id);
  return { server: server.id, volume: volume.id, port: port.id, attachment: attachment.id };
}

async function undo(c: RegionClient, made: Made): Promise<void> {
  await until(() => c.volume.getVolume(made.volume), (v) => v.status === "in-use");
  await c.volume.detachVolume(made.volume, made.attachment);
  deleted.attachment.push(made.attachment);
  await until(() => c.volume.getVolume(made.volume), (v) => v.status === "available");
  await c.volume.deleteVolume(made.volume);
  deleted.volume.push(made.volume);
  await c.compute.deleteServer(made.server);
  deleted.server.push(made.server);
  await until(() => c.compute.listServers(), (servers) => !servers.some((s) => s.id === made.server));
  await c.network.deletePort(made.port);
  deleted.port.push(made.port);
}

let next = 0;
const total = Number(rounds);
await Promise.all(
  [0, 1, 2, 3].map(async () => {
    for (let i = next++; i < total; i = next++) {
      const made = await round(client, i);
      if (i % 2 === 1) await undo(client, made);
    }
  }),
);
await sim.flush();
await db.close();
process.stdout.write(JSON.stringify({ name, network: network.id, shared, created, deleted }));
