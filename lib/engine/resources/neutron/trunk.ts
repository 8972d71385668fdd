/**
 * OS::Neutron::Trunk on the cloud's trunks: a parent port and subports tagged with segmentation ids,
 * under Neutron's rules (a port is in one trunk at most, segmentation ids unique per trunk, a port in a
 * trunk cannot be deleted). An update renames, enables or disables it in place and, as Heat does,
 * removes the subports no longer listed and adds the new ones.
 */
import type { RegionClient, Trunk, TrunkSubPort } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optBool, optList, optString, reqString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import { deleteAndWait, showAttribute } from "./common";
import { portId } from "./lookup";

/** The subports a sub_ports property lists, their ports resolved to ids. */
async function subPortsOf(cloud: RegionClient, props: Record<string, unknown>): Promise<TrunkSubPort[]> {
  return Promise.all(
    optList<Record<string, unknown>>(props, "sub_ports").map(async (sp) => ({
      portId: await portId(cloud, reqString(sp, "port")),
      segmentationType: reqString(sp, "segmentation_type") as TrunkSubPort["segmentationType"],
      segmentationId: Number(sp.segmentation_id),
    })),
  );
}

const sameSubPort = (a: TrunkSubPort) => (b: TrunkSubPort) =>
  a.portId === b.portId && a.segmentationType === b.segmentationType && a.segmentationId === b.segmentationId;

/** Takes out the subports `before` has and `after` lacks, then adds those `after` has and `before` lacks. */
async function replaceSubPorts(ctx: ResourceContext, id: string, change: { before: Record<string, unknown>; after: Record<string, unknown> }): Promise<void> {
  const [before, after] = await Promise.all([subPortsOf(ctx.cloud, change.before), subPortsOf(ctx.cloud, change.after)]);
  const removed = before.filter((sp) => !after.some(sameSubPort(sp))).map((sp) => sp.portId);
  const added = after.filter((sp) => !before.some(sameSubPort(sp)));
  const net = ctx.cloud.network;
  if (removed.length) await cloudCall(`removing subports of trunk ${id}`, ctx.region, () => net.removeTrunkSubPorts(id, removed));
  if (added.length) await cloudCall(`adding subports to trunk ${id}`, ctx.region, () => net.addTrunkSubPorts(id, added));
}

/** The trunk as Neutron shows it (the `show` attribute). */
function neutronTrunk(ctx: ResourceContext, trunk: Trunk): Record<string, unknown> {
  return {
    id: trunk.id,
    name: trunk.name,
    description: trunk.description,
    port_id: trunk.portId,
    admin_state_up: trunk.adminStateUp,
    status: trunk.status,
    sub_ports: trunk.subPorts.map((sp) => ({ port_id: sp.portId, segmentation_type: sp.segmentationType, segmentation_id: sp.segmentationId })),
    tenant_id: ctx.stack.projectId,
    project_id: ctx.stack.projectId,
  };
}

/** The OS::Neutron::Trunk plugin. */
export const trunkResource = defineResource({
  type: "OS::Neutron::Trunk",
  properties: {
    port: { region: "same", references: ["OS::Neutron::Port"] },
    sub_ports: { region: "same", items: { schema: { port: { region: "same", references: ["OS::Neutron::Port"] } } } },
  },
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const name = optString(p, "name") || physicalName(ctx);
      const trunk = await cloudCall(`creating trunk ${name}`, ctx.region, async () =>
        ctx.cloud.network.createTrunk({
          portId: await portId(ctx.cloud, reqString(p, "port")),
          name,
          description: optString(p, "description") ?? "",
          adminStateUp: optBool(p, "admin_state_up") ?? true,
          subPorts: await subPortsOf(ctx.cloud, p),
        }),
      );
      ctx.setPhysicalId(trunk.id);
    },
    async update(ctx, change) {
      const id = ctx.physicalId!;
      const a = change.after;
      const patch = {
        ...(change.changed.includes("name") ? { name: optString(a, "name") || physicalName(ctx) } : {}),
        ...(change.changed.includes("description") ? { description: optString(a, "description") ?? "" } : {}),
        ...(change.changed.includes("admin_state_up") ? { adminStateUp: optBool(a, "admin_state_up") ?? true } : {}),
      };
      const updateTrunk = async () => {
        if (Object.keys(patch).length) await cloudCall(`updating trunk ${id}`, ctx.region, () => ctx.cloud.network.updateTrunk(id, patch));
      };
      const subPorts = async () => {
        if (change.changed.includes("sub_ports")) await replaceSubPorts(ctx, id, change);
      };
      // a disabled trunk's subports are frozen: change them while it is still enabled
      if (patch.adminStateUp === false) await subPorts().then(updateTrunk);
      else await updateTrunk().then(subPorts);
    },
    ...deleteAndWait((c, id) => c.network.deleteTrunk(id), (c, id) => c.network.getTrunk(id), "trunk"),
    async check(ctx) {
      await ctx.cloud.network.getTrunk(ctx.physicalId ?? "");
    },
    async attribute(ctx, name) {
      const id = ctx.physicalId;
      const trunk = id ? await ignoreNotFound(() => ctx.cloud.network.getTrunk(id)) : undefined;
      if (!trunk) return null;
      const shown = neutronTrunk(ctx, trunk);
      return showAttribute(name, shown, { port_id: trunk.portId });
    },
  },
});
