/**
 * The instant cloud's Neutron trunks: a parent port and subports on segmentation ids, under Neutron's
 * rules (ports/trunk-rules.ts). A trunk is ACTIVE once its parent port is bound to a device.
 */
import type { NetworkClient, Trunk, TrunkSubPort } from "../../ports";
import { parentPortRefusal, requireTrunkEnabled, trunkStatus, withoutSubPorts, withSubPorts, type TrunkShape } from "../../ports/trunk-rules";
import type { InstantRegion } from "./region";
import type { Sync } from "./sync";

type TrunkClient = Pick<NetworkClient, "createTrunk" | "getTrunk" | "listTrunks" | "updateTrunk" | "deleteTrunk" | "addTrunkSubPorts" | "removeTrunkSubPorts">;

/** The trunk operations of a region's NetworkClient. */
export function trunkOps(r: InstantRegion): Sync<TrunkClient> {
  const view = (t: Omit<Trunk, "status">): Trunk => ({ ...t, subPorts: t.subPorts.map((sp) => ({ ...sp })), status: trunkStatus(r.ports.get(t.portId)?.deviceId) });
  const find = (id: string) => r.find(r.trunks, "Trunk", id);
  const adding = (trunk: TrunkShape, subPorts: readonly TrunkSubPort[]) => {
    for (const sp of subPorts) r.find(r.ports, "Port", sp.portId);
    return withSubPorts(r.all(r.trunks), trunk, subPorts);
  };
  const enabled = (id: string) => {
    const trunk = find(id);
    requireTrunkEnabled(trunk);
    return trunk;
  };
  return {
    createTrunk(spec) {
      const parent = r.find(r.ports, "Port", spec.portId);
      const refusal = parentPortRefusal(r.all(r.trunks), parent.id);
      if (refusal) throw refusal;
      const id = r.newId("trunk");
      const subPorts = adding({ id, portId: parent.id, subPorts: [] }, spec.subPorts ?? []);
      const trunk = { id, name: spec.name ?? "", region: r.name, description: spec.description ?? "", portId: parent.id, adminStateUp: spec.adminStateUp ?? true, subPorts };
      return view(r.add(r.trunks, trunk));
    },
    getTrunk: (id) => view(find(id)),
    listTrunks: () => r.all(r.trunks).map(view),
    updateTrunk(id, patch) {
      const trunk = find(id);
      return view(Object.assign(trunk, { name: patch.name ?? trunk.name, description: patch.description ?? trunk.description, adminStateUp: patch.adminStateUp ?? trunk.adminStateUp }));
    },
    deleteTrunk(id) {
      r.trunks.delete(enabled(id).id);
    },
    addTrunkSubPorts(id, subPorts) {
      const trunk = enabled(id);
      return view(Object.assign(trunk, { subPorts: adding(trunk, subPorts) }));
    },
    removeTrunkSubPorts(id, portIds) {
      const trunk = enabled(id);
      return view(Object.assign(trunk, { subPorts: withoutSubPorts(trunk, portIds) }));
    },
  };
}
