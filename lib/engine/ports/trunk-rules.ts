/**
 * Neutron's trunk rules, in Neutron's words, for every cloud that implements the port's trunks (the
 * simulator and the instant cloud): a port is the parent of one trunk at most and no subport's, a subport
 * is another port in no trunk yet, segmentation ids are unique per trunk, a disabled trunk keeps its
 * subports and stays, and a port a trunk uses cannot be deleted.
 */
import { CloudError, type Trunk, type TrunkSubPort } from "./cloud";

/** What the rules read of a trunk. */
export type TrunkShape = Pick<Trunk, "id" | "portId" | "subPorts">;

function inUse(message: string): CloudError {
  return new CloudError("Conflict", message);
}

/** Why `portId` cannot be the parent of a new trunk, among `trunks`; undefined when it can. */
export function parentPortRefusal(trunks: readonly TrunkShape[], portId: string): CloudError | undefined {
  if (trunks.some((t) => t.portId === portId)) return inUse(`Port ${portId} is in use by another trunk.`);
  if (trunks.some((t) => t.subPorts.some((sp) => sp.portId === portId))) {
    return inUse(`Port ${portId} is currently in use and is not eligible for use as a parent port.`);
  }
  return undefined;
}

/**
 * The subports of `trunk` once `adding` is added, `trunks` being every trunk (the trunk itself may be
 * among them, or be the one being created); throws Conflict for a port already a parent or a subport,
 * or a segmentation already taken on the trunk.
 */
export function withSubPorts(trunks: readonly TrunkShape[], trunk: TrunkShape, adding: readonly TrunkSubPort[]): TrunkSubPort[] {
  const others = trunks.filter((t) => t.id !== trunk.id);
  const subPorts = [...trunk.subPorts];
  for (const sp of adding) {
    const parentOf = [trunk, ...others].find((t) => t.portId === sp.portId);
    if (parentOf) throw inUse(`Port ${sp.portId} is currently a parent port for trunk ${parentOf.id}.`);
    const holder = [{ ...trunk, subPorts }, ...others].find((t) => t.subPorts.some((x) => x.portId === sp.portId));
    if (holder) throw inUse(`Port ${sp.portId} is currently a subport for trunk ${holder.id}.`);
    if (subPorts.some((x) => x.segmentationType === sp.segmentationType && x.segmentationId === sp.segmentationId)) {
      throw inUse(`segmentation_type ${sp.segmentationType} and segmentation_id ${sp.segmentationId} already in use on trunk ${trunk.id}.`);
    }
    subPorts.push({ portId: sp.portId, segmentationType: sp.segmentationType, segmentationId: sp.segmentationId });
  }
  return subPorts;
}

/** The subports of `trunk` without those of `portIds`; NotFound for a port that is not one of them. */
export function withoutSubPorts(trunk: TrunkShape, portIds: readonly string[]): TrunkSubPort[] {
  for (const portId of portIds) {
    if (!trunk.subPorts.some((sp) => sp.portId === portId)) throw new CloudError("NotFound", `SubPort ${portId} cannot be found on trunk ${trunk.id}.`);
  }
  return trunk.subPorts.filter((sp) => !portIds.includes(sp.portId));
}

/** Throws Conflict when the trunk is disabled: its subports and its existence are frozen, as in Neutron. */
export function requireTrunkEnabled(trunk: Pick<Trunk, "id" | "adminStateUp">): void {
  if (!trunk.adminStateUp) throw inUse(`Trunk ${trunk.id} is currently disabled.`);
}

/** Why the port cannot be deleted while a trunk uses it; undefined when no trunk does. */
export function portDeleteRefusal(trunks: readonly TrunkShape[], portId: string): CloudError | undefined {
  const parentOf = trunks.find((t) => t.portId === portId);
  if (parentOf) return inUse(`Port ${portId} is currently a parent port for trunk ${parentOf.id}.`);
  const holder = trunks.find((t) => t.subPorts.some((sp) => sp.portId === portId));
  return holder ? inUse(`Port ${portId} is currently a subport for trunk ${holder.id}.`) : undefined;
}

/** A trunk's status: ACTIVE once its parent port is bound to a device, else DOWN. */
export function trunkStatus(parentDeviceId: string | null | undefined): Trunk["status"] {
  return parentDeviceId ? "ACTIVE" : "DOWN";
}
