/** OS::Neutron::Net: a Neutron network; name and admin_state_up update in place. */
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optBool, optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../types";
import { deleteAndWait, showAttribute } from "./common";

/** The OS::Neutron::Net plugin. */
export const netResource = defineResource({
  type: "OS::Neutron::Net",
  service: "Neutron",
  description: "A Neutron network, to which subnets and ports are added.",
  properties: {
    name: { type: "string", description: "A string specifying a symbolic name for the network, which is not required to be unique.", updateAllowed: true },
    value_specs: { type: "map", description: "Extra parameters to include in the request.", default: {}, updateAllowed: true },
    admin_state_up: { type: "boolean", description: "A boolean value specifying the administrative status of the network.", default: true, updateAllowed: true },
    tenant_id: { type: "string", description: "The ID of the tenant which will own the network." },
    shared: { type: "boolean", description: "Whether this network should be shared across all tenants.", default: false, updateAllowed: true },
    port_security_enabled: { type: "boolean", description: "Flag to enable/disable port security on the network.", updateAllowed: true },
    dns_domain: { type: "string", description: "DNS domain associated with this network.", updateAllowed: true, constraints: [{ customConstraint: "dns_domain" }] },
    tags: { type: "list", description: "The tags to be added to the network." },
  },
  attributes: {
    status: { description: 'The status of the network.', type: "string" },
    name: { description: "The name of the network.", type: "string" },
    subnets: { description: "Subnets of this network.", type: "list" },
    admin_state_up: { description: "The administrative status of the network.", type: "string" },
    tenant_id: { description: "The tenant owning this network.", type: "string" },
    mtu: { description: "The maximum transmission unit size(in bytes) for the network.", type: "integer" },
  },
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
