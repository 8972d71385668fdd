/**
 * Lazy transitions: nothing runs on a timer. Each transition stores the time it completes; before
 * every call on a region, the transitions that are due (by the sim's clock) are applied in time order.
 */
import { destroyPort } from "./port-ops";
import type { ServerRecord } from "./records";
import type { RegionState } from "./region-state";
import { dropAttachments, settleVolume } from "./volume-ops";

/** Removes a deleted server: its own ports go, other ports are unplugged, volumes are detached. */
function finishServerDelete(s: RegionState, server: ServerRecord): void {
  s.remove("server", server.id);
  for (const portId of server.portIds) {
    const port = s.get("port", portId);
    if (!port) continue;
    if (server.ownedPortIds.includes(portId)) destroyPort(s, port);
    else if (port.deviceId === server.id) s.put("port", { ...port, deviceId: null });
  }
  dropAttachments(s, server.id);
}

function settleServer(s: RegionState, server: ServerRecord): void {
  const { pending, ...rest } = server;
  if (!pending) return;
  if (pending.to === "DELETED") {
    finishServerDelete(s, server);
    return;
  }
  s.put("server", { ...rest, status: pending.to, ...(pending.fault !== undefined ? { fault: pending.fault } : {}) });
}

/** Applies every transition of the region that is due now, oldest first (servers before volumes on ties). */
export function settle(s: RegionState): void {
  if (s.pending.size === 0) return;
  const now = s.now();
  const due: { id: string; kind: "server" | "volume"; at: number }[] = [];
  for (const [id, kind] of s.pending) {
    const at = s.get(kind, id)?.pending?.at;
    if (at !== undefined && at <= now) due.push({ id, kind, at });
  }
  due.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === "server" ? -1 : 1));
  for (const item of due) {
    if (item.kind === "server") {
      const server = s.get("server", item.id);
      if (server) settleServer(s, server);
    } else {
      const volume = s.get("volume", item.id);
      if (volume) settleVolume(s, volume);
    }
  }
}
