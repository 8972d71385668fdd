/**
 * Volume data as a guest sees it: written and read through the server a volume is attached to (the
 * cloud port's writeData / readData), so a user can check from the CLI that data survives a failover.
 * The volume is found by id or name among the project's own (its region comes with it); the server is
 * the one it is attached to, or the one named when it is attached to several.
 */
import type { SimCloud } from "../cloud/sim";
import { CloudError, type Volume } from "../engine/ports";
import { EngineError } from "../engine/errors";

/** Which volume, through which server, in which region. */
export interface GuestAccess {
  volumeId: string;
  serverId: string;
  region: string;
}

/** Reads and writes volume data through the attached server. */
export interface VolumeGuest {
  /** Writes `content` under `key`; `server` (id) picks the server when the volume is attached to several. */
  write(volume: string, key: string, content: string, server?: string): Promise<GuestAccess>;
  /** Reads `key` (undefined when nothing was written under it). */
  read(volume: string, key: string, server?: string): Promise<GuestAccess & { content: string | undefined }>;
}

/** What the guest needs of the simulated cloud: the project's inventory and the regions' volume APIs. */
export type GuestCloud = Pick<SimCloud, "inventory" | "region">;

/** The VolumeGuest of project `projectId`; `use` runs a call on the cloud's current state. */
export function volumeGuest(use: <T>(fn: (sim: GuestCloud) => T | Promise<T>) => Promise<T>, projectId: string): VolumeGuest {
  const access = (sim: GuestCloud, volume: string, server: string | undefined): GuestAccess => {
    const found = findVolume(sim.inventory(undefined, projectId).volumes, volume);
    return { volumeId: found.id, serverId: attachedServer(found, server), region: found.region };
  };
  return {
    write: (volume, key, content, server) =>
      use(async (sim) => {
        const at = access(sim, volume, server);
        await guestCall(() => sim.region(at.region).volume.writeData(at.volumeId, at.serverId, key, content));
        return at;
      }),
    read: (volume, key, server) =>
      use(async (sim) => {
        const at = access(sim, volume, server);
        return { ...at, content: await guestCall(() => sim.region(at.region).volume.readData(at.volumeId, at.serverId, key)) };
      }),
  };
}

function findVolume(volumes: Volume[], ref: string): Volume {
  const byId = volumes.find((v) => v.id === ref);
  if (byId) return byId;
  const named = volumes.filter((v) => v.name === ref);
  if (named.length === 1) return named[0];
  if (named.length > 1) throw new EngineError("Conflict", `More than one volume is named "${ref}": use its ID (${named.map((v) => v.id).join(", ")})`);
  throw new EngineError("NotFound", `Volume ${ref} could not be found.`);
}

function attachedServer(volume: Volume, server: string | undefined): string {
  const servers = volume.attachments.map((a) => a.serverId);
  if (server !== undefined) {
    if (servers.includes(server)) return server;
    throw new EngineError("Conflict", `Volume ${volume.id} is not attached to server ${server}${servers.length ? ` (it is attached to ${servers.join(", ")})` : ""}.`);
  }
  if (servers.length === 1) return servers[0];
  if (servers.length === 0) throw new EngineError("Conflict", `Volume ${volume.id} is not attached to any server: its data is written and read through the server it is attached to.`);
  throw new EngineError("BadRequest", `Volume ${volume.id} is attached to ${servers.join(", ")}: name one with --server.`);
}

/** Runs a guest call, turning a CloudError into the engine's typed error (a server that is down is a Conflict). */
async function guestCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof CloudError)) throw error;
    throw new EngineError(error.code === "NotFound" ? "NotFound" : error.code === "Conflict" ? "Conflict" : "BadRequest", error.message);
  }
}
