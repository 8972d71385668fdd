/**
 * Neutron trunks of one region: a parent port and subports on segmentation ids, under Neutron's rules
 * (lib/engine/ports/trunk-rules.ts). A trunk is ACTIVE once its parent port is bound to a device.
 */
import type { NetworkClient, Trunk, TrunkSubPort } from "../../engine/ports";
import { parentPortRefusal, requireTrunkEnabled, trunkStatus, withoutSubPorts, withSubPorts } from "../../engine/ports/trunk-rules";
import { notFound } from "./errors";
import { findByRef } from "./lookup";
import { requirePort } from "./port-ops";
import type { TrunkRecord } from "./records";
import type { RegionState } from "./region-state";

function requireTrunk(s: RegionState, id: string): TrunkRecord {
  const trunk = findByRef(s.list("trunk"), id, "trunk");
  if (!trunk) throw notFound("Trunk", id);
  return trunk;
}

function trunkView(s: RegionState, t: TrunkRecord): Trunk {
  const { seq: _seq, project: _project, ...rest } = t;
  return { ...structuredClone(rest), region: s.name, status: trunkStatus(s.get("port", t.portId)?.deviceId) };
}

/** The subports of `trunk` with `adding` added, each port known to the region. */
function adding(s: RegionState, trunk: Pick<TrunkRecord, "id" | "portId" | "subPorts">, subPorts: readonly TrunkSubPort[]): TrunkSubPort[] {
  const resolved = subPorts.map((sp) => ({ ...sp, portId: requirePort(s, sp.portId).id }));
  return withSubPorts(s.list("trunk"), trunk, resolved);
}

function save(s: RegionState, trunk: TrunkRecord): Trunk {
  s.put("trunk", trunk);
  return trunkView(s, trunk);
}

/** The trunk operations of NetworkClient. */
export const trunkOps = {
  createTrunk(s: RegionState, spec: Parameters<NetworkClient["createTrunk"]>[0]): Trunk {
    const parent = requirePort(s, spec.portId);
    const refusal = parentPortRefusal(s.list("trunk"), parent.id);
    if (refusal) throw refusal;
    const { id, seq } = s.nextId();
    const subPorts = adding(s, { id, portId: parent.id, subPorts: [] }, spec.subPorts ?? []);
    return save(s, { id, seq, name: spec.name ?? "", description: spec.description ?? "", portId: parent.id, adminStateUp: spec.adminStateUp ?? true, subPorts });
  },
  getTrunk: (s: RegionState, id: string): Trunk => trunkView(s, requireTrunk(s, id)),
  listTrunks: (s: RegionState): Trunk[] => s.list("trunk").map((t) => trunkView(s, t)),
  updateTrunk(s: RegionState, id: string, patch: Parameters<NetworkClient["updateTrunk"]>[1]): Trunk {
    const trunk = requireTrunk(s, id);
    return save(s, { ...trunk, name: patch.name ?? trunk.name, description: patch.description ?? trunk.description, adminStateUp: patch.adminStateUp ?? trunk.adminStateUp });
  },
  deleteTrunk(s: RegionState, id: string): void {
    const trunk = requireTrunk(s, id);
    requireTrunkEnabled(trunk);
    s.remove("trunk", trunk.id);
  },
  addTrunkSubPorts(s: RegionState, id: string, subPorts: TrunkSubPort[]): Trunk {
    const trunk = requireTrunk(s, id);
    requireTrunkEnabled(trunk);
    return save(s, { ...trunk, subPorts: adding(s, trunk, subPorts) });
  },
  removeTrunkSubPorts(s: RegionState, id: string, portIds: string[]): Trunk {
    const trunk = requireTrunk(s, id);
    requireTrunkEnabled(trunk);
    return save(s, { ...trunk, subPorts: withoutSubPorts(trunk, portIds) });
  },
};
