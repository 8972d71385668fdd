/**
 * Load balancers that know their parts (Octavia, and Neutron LBaaS v2 with the same shape): each
 * part is kept as the placeholder objects are, and the relationships are read back from the cloud,
 * as Octavia answers them: a pool lists its members, listeners and health monitor, a load balancer
 * its pools (its own and its listeners'), a listener its load balancer and default pool, a health
 * monitor its pools, an L7 policy its rules. References are by id or name.
 */
import type { CloudObject } from "../../ports";
import { defineResource } from "../define";
import { placeholderHandlers } from "../placeholder/placeholder";
import type { ResourceContext, ResourcePlugin } from "../types";

/** The objects of the family's `part` kind ("Pool", "PoolMember" ...). */
type Parts = (part: string) => Promise<CloudObject[]>;

/** Whether `object`'s property `key` names the object `target` (by id or name). */
const names = (object: CloudObject, key: string, target: CloudObject) => object.properties[key] === target.id || (target.name !== "" && object.properties[key] === target.name);
const ids = (objects: CloudObject[]) => objects.map((o) => ({ id: o.id }));

/** Relationship attributes per part: name -> value read from the cloud. */
const RELATIONS: Record<string, Record<string, (self: CloudObject, parts: Parts) => Promise<unknown>>> = {
  Pool: {
    members: async (self, parts) => ids((await parts("PoolMember")).filter((m) => names(m, "pool", self))),
    listeners: async (self, parts) => ids((await parts("Listener")).filter((l) => names(l, "default_pool", self) || names(self, "listener", l))),
    healthmonitor_id: async (self, parts) => (await parts("HealthMonitor")).find((h) => names(h, "pool", self))?.id ?? null,
  },
  LoadBalancer: {
    pools: async (self, parts) => {
      const listeners = (await parts("Listener")).filter((l) => names(l, "loadbalancer", self));
      return ids((await parts("Pool")).filter((p) => names(p, "loadbalancer", self) || listeners.some((l) => names(p, "listener", l) || names(l, "default_pool", p))));
    },
  },
  Listener: {
    loadbalancers: async (self, parts) => ids((await parts("LoadBalancer")).filter((lb) => names(self, "loadbalancer", lb))),
    default_pool_id: async (self, parts) => (await parts("Pool")).find((p) => names(self, "default_pool", p) || names(p, "listener", self))?.id ?? null,
  },
  HealthMonitor: {
    pools: async (self, parts) => ids((await parts("Pool")).filter((p) => names(self, "pool", p))),
  },
  L7Policy: {
    rules: async (self, parts) => ids((await parts("L7Rule")).filter((r) => names(r, "l7policy", self))),
  },
  PoolMember: {
    pool_id: async (self, parts) => (await parts("Pool")).find((p) => names(self, "pool", p))?.id ?? null,
    address: async (self) => self.properties.address ?? null,
  },
};

/** The plugin of one part type (`prefix` + part, e.g. "OS::Octavia::" + "Pool"); its relationship attributes are live. */
function partResource(prefix: string, part: string): ResourcePlugin {
  const base = placeholderHandlers(prefix + part);
  const relations = RELATIONS[part];
  const attribute = async (ctx: ResourceContext, name: string) => {
    const relation = relations[name];
    if (!relation || !ctx.physicalId) return base.attribute!(ctx, name);
    const self = await ctx.cloud.objects.getObject(ctx.physicalId);
    return relation(self, (kind) => ctx.cloud.objects.listObjects(prefix + kind));
  };
  return defineResource({ type: prefix + part, handlers: { ...base, attribute } });
}

const PARTS = Object.keys(RELATIONS);

/** Octavia's and LBaaS v2's parts that have relationships to show. */
export const loadBalancerResources: readonly ResourcePlugin[] = ["OS::Octavia::", "OS::Neutron::LBaaS::"].flatMap((prefix) =>
  PARTS.map((part) => partResource(prefix, part)),
);
