/**
 * OS::Neutron::FloatingIP (an address on an external network, optionally associated with a port) and
 * OS::Neutron::FloatingIPAssociation (associates an existing floating IP with a port). Changing the
 * port re-associates in place, which is how a floating IP follows the active member on failover.
 */
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optString, reqString } from "../support/props";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import { deleteAndWait, showAttribute } from "./common";
import { floatingIpAssociationDependencies, floatingIpDependencies } from "./implicit-dependencies";
import { portId } from "./lookup";

/** Points floating IP `fip` at `port` (with an optional fixed IP), or detaches it when `port` is undefined. */
async function point(ctx: ResourceContext, fip: string, port: string | undefined, fixedIp: string | undefined): Promise<void> {
  await cloudCall(`associating floating IP ${fip}`, ctx.region, async () => {
    if (port) await ctx.cloud.network.associateFloatingIp(fip, await portId(ctx.cloud, port), fixedIp);
    else await ignoreNotFound(() => ctx.cloud.network.disassociateFloatingIp(fip));
  });
}

/** How long a floating IP waits for the stack's router to reach its port (Heat orders routers first). */
const ROUTING_WAIT_MS = 60_000;

/** Where a floating IP still waits to be pointed, until `until` (the engine's clock). */
interface PendingAssociation {
  fip: string;
  port: string;
  fixedIp?: string;
  until: number;
}

function isUnreachable(err: unknown): boolean {
  return err instanceof Error && /is not reachable from subnet/.test(err.message);
}

/**
 * Points a new floating IP at its port; while no router reaches the port's subnet yet (the router
 * interface of the same stack is still being made: Heat makes a floating IP depend on it), the
 * association is retried until ROUTING_WAIT_MS have passed, then Neutron's error stands.
 */
async function pointWhenRouted(ctx: ResourceContext, pending: PendingAssociation): Promise<PendingAssociation | undefined> {
  try {
    await point(ctx, pending.fip, pending.port, pending.fixedIp);
    return undefined;
  } catch (err) {
    if (isUnreachable(err) && ctx.now() < pending.until) return pending;
    throw err;
  }
}

const portRef = {
  type: "string" as const,
  description: "ID of an existing port with at least one IP address to associate with this floating IP.",
  updateAllowed: true,
  constraints: [{ customConstraint: "neutron.port" }],
  region: "same" as const,
  references: ["OS::Neutron::Port"],
};

const fixedIp = {
  type: "string" as const,
  description: "IP address to use if the port has multiple addresses.",
  updateAllowed: true,
  constraints: [{ customConstraint: "ip_addr" }],
  takes: "ip" as const,
};

/** The OS::Neutron::FloatingIP plugin. */
export const floatingIpResource = defineResource({
  type: "OS::Neutron::FloatingIP",
  implicitDependencies: floatingIpDependencies,
  properties: {
    floating_network: { region: "same", references: ["OS::Neutron::Net"] },
    port_id: portRef,
    fixed_ip_address: fixedIp,
  },
  attributes: {
    floating_ip_address: { produces: { kind: "ip" } },
  },
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const port = optString(p, "port_id");
      const fip = await cloudCall(`allocating a floating IP on ${reqString(p, "floating_network")}`, ctx.region, async () =>
        ctx.cloud.network.createFloatingIp({ floatingNetwork: reqString(p, "floating_network") }),
      );
      ctx.setPhysicalId(fip.id);
      if (port) return pointWhenRouted(ctx, { fip: fip.id, port, fixedIp: optString(p, "fixed_ip_address"), until: ctx.now() + ROUTING_WAIT_MS });
      return undefined;
    },
    async checkCreateComplete(ctx, token) {
      const pending = token as PendingAssociation | undefined;
      return !pending || (await pointWhenRouted(ctx, pending)) === undefined;
    },
    async update(ctx, change) {
      await point(ctx, ctx.physicalId!, optString(change.after, "port_id"), optString(change.after, "fixed_ip_address"));
    },
    ...deleteAndWait((c, id) => c.network.deleteFloatingIp(id), (c, id) => c.network.getFloatingIp(id), "floating IP"),
    async check(ctx) {
      await ctx.cloud.network.getFloatingIp(ctx.physicalId ?? "");
    },
    async attribute(ctx, name) {
      const id = ctx.physicalId;
      const fip = id ? await ignoreNotFound(() => ctx.cloud.network.getFloatingIp(id)) : undefined;
      if (!fip) return null;
      return showAttribute(name, fip, {
        router_id: null,
        tenant_id: ctx.stack.projectId,
        floating_network_id: fip.floatingNetworkId,
        fixed_ip_address: fip.fixedIp,
        floating_ip_address: fip.address,
        port_id: fip.portId,
      });
    },
  },
});

/** The OS::Neutron::FloatingIPAssociation plugin. */
export const floatingIpAssociationResource = defineResource({
  type: "OS::Neutron::FloatingIPAssociation",
  implicitDependencies: floatingIpAssociationDependencies,
  properties: {
    floatingip_id: { region: "same", references: ["OS::Neutron::FloatingIP"] },
    port_id: { ...portRef },
    fixed_ip_address: fixedIp,
  },
  handlers: {
    async create(ctx) {
      const fip = reqString(ctx.properties, "floatingip_id");
      await point(ctx, fip, reqString(ctx.properties, "port_id"), optString(ctx.properties, "fixed_ip_address"));
      ctx.setPhysicalId(`${fip}:${reqString(ctx.properties, "port_id")}`);
    },
    async update(ctx, change) {
      const before = reqString(change.before, "floatingip_id");
      const after = reqString(change.after, "floatingip_id");
      if (before !== after) await point(ctx, before, undefined, undefined);
      await point(ctx, after, reqString(change.after, "port_id"), optString(change.after, "fixed_ip_address"));
      ctx.setPhysicalId(`${after}:${reqString(change.after, "port_id")}`);
    },
    async delete(ctx) {
      const fip = optString(ctx.properties, "floatingip_id");
      if (fip) await point(ctx, fip, undefined, undefined);
    },
    async check(ctx) {
      const fip = await ctx.cloud.network.getFloatingIp(reqString(ctx.properties, "floatingip_id"));
      if (!fip.portId) throw new Error(`Floating IP ${fip.address} is not associated with any port`);
    },
  },
});
