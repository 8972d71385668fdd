/** OS::Neutron::Net: a Neutron network; name and admin_state_up update in place. */
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optBool, optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { deleteAndWait, showAttribute } from "./common";

/** The OS::Neutron::Net plugin. */
export const netResource = defineResource({
  type: "OS::Neutron::Net",
  properties: {},
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const name = optString(p, "name") || physicalName(ctx);
      const net = await cloudCall(`creating network ${name}`, ctx.region, () =>
        ctx.cloud.network.createNetwork({ name, adminStateUp: optBool(p, "admin_state_up") ?? true, shared: optBool(p, "shared") ?? false }),
      );
      ctx.setPhysicalId(net.id);
    },
    async update(ctx, change) {
      const id = ctx.physicalId!;
      const patch = {
        ...(change.changed.includes("name") ? { name: optString(change.after, "name") || physicalName(ctx) } : {}),
        ...(change.changed.includes("admin_state_up") ? { adminStateUp: optBool(change.after, "admin_state_up") ?? true } : {}),
      };
      if (Object.keys(patch).length) await cloudCall(`updating network ${id}`, ctx.region, () => ctx.cloud.network.updateNetwork(id, patch));
    },
    ...deleteAndWait((c, id) => c.network.deleteNetwork(id), (c, id) => c.network.getNetwork(id), "network"),
    async check(ctx) {
      await ctx.cloud.network.getNetwork(ctx.physicalId ?? "");
    },
    async attribute(ctx, name) {
      const id = ctx.physicalId;
      const net = id ? await ignoreNotFound(() => ctx.cloud.network.getNetwork(id)) : undefined;
      if (!net) return null;
      const values: Record<string, unknown> = {
        status: "ACTIVE",
        name: net.name,
        subnets: net.subnets,
        admin_state_up: net.adminStateUp,
        tenant_id: ctx.stack.projectId,
        mtu: 1450,
      };
      return showAttribute(name, net, values);
    },
  },
});
