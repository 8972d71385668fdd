/**
 * OS::Neutron::Router (with external_gateway_info: a gateway on an external network),
 * OS::Neutron::RouterInterface (a router's port on a subnet, or an existing port) and the hidden,
 * deprecated OS::Neutron::RouterGateway, on the cloud's router model: a floating IP reaches a port only
 * through a router with a gateway on its network and an interface on the port's subnet, as in Neutron.
 */
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optBool, optMap, optString, reqString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext, type ResourceHandlers } from "../types";
import { deleteAndWait, showAttribute } from "./common";
import { routerDependencies, routerGatewayDependencies } from "./implicit-dependencies";
import { networkId } from "./lookup";

/** The gateway a router's external_gateway_info asks for (undefined: none). */
async function gatewayOf(ctx: ResourceContext, props: Record<string, unknown>): Promise<{ networkId: string; enableSnat?: boolean } | undefined> {
  const info = optMap(props, "external_gateway_info");
  const network = optString(info, "network");
  if (!network) return undefined;
  return { networkId: await networkId(ctx.cloud, network), ...(optBool(info, "enable_snat") !== undefined ? { enableSnat: optBool(info, "enable_snat") } : {}) };
}

/** The OS::Neutron::Router plugin. */
export const routerResource = defineResource({
  type: "OS::Neutron::Router",
  implicitDependencies: routerDependencies,
  properties: {
    external_gateway_info: { region: "same", schema: { network: { region: "same", references: ["OS::Neutron::Net"] } } },
  },
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const name = optString(p, "name") || physicalName(ctx);
      const externalGateway = await gatewayOf(ctx, p);
      const router = await cloudCall(`creating router ${name}`, ctx.region, () =>
        ctx.cloud.network.createRouter({ name, adminStateUp: optBool(p, "admin_state_up") ?? true, ...(externalGateway ? { externalGateway } : {}) }),
      );
      ctx.setPhysicalId(router.id);
    },
    async update(ctx, change) {
      const id = ctx.physicalId!;
      const patch = {
        ...(change.changed.includes("name") ? { name: optString(change.after, "name") || physicalName(ctx) } : {}),
        ...(change.changed.includes("admin_state_up") ? { adminStateUp: optBool(change.after, "admin_state_up") ?? true } : {}),
        ...(change.changed.includes("external_gateway_info") ? { externalGateway: (await gatewayOf(ctx, change.after)) ?? null } : {}),
      };
      if (Object.keys(patch).length) await cloudCall(`updating router ${id}`, ctx.region, () => ctx.cloud.network.updateRouter(id, patch));
    },
    ...deleteAndWait((c, id) => c.network.deleteRouter(id), (c, id) => c.network.getRouter(id), "router"),
    async check(ctx) {
      await ctx.cloud.network.getRouter(ctx.physicalId ?? "");
    },
    async attribute(ctx, name) {
      const id = ctx.physicalId;
      const router = id ? await ignoreNotFound(() => ctx.cloud.network.getRouter(id)) : undefined;
      if (!router) return null;
      const gateway = router.externalGateway && {
        network_id: router.externalGateway.networkId,
        enable_snat: router.externalGateway.enableSnat,
        external_fixed_ips: router.externalGateway.externalFixedIps.map((ip) => ({ subnet_id: ip.subnetId, ip_address: ip.ipAddress })),
      };
      return showAttribute(name, router, {
        status: "ACTIVE",
        name: router.name,
        admin_state_up: router.adminStateUp,
        external_gateway_info: gateway,
        tenant_id: ctx.stack.projectId,
      });
    },
  },
});

/** A RouterInterface's physical id, as Heat makes it: "<router>:subnet_id=<subnet>" or "<router>:port_id=<port>". */
function interfaceId(router: string, target: { subnetId?: string; portId?: string }): string {
  return target.portId !== undefined ? `${router}:port_id=${target.portId}` : `${router}:subnet_id=${target.subnetId}`;
}

function parseInterfaceId(id: string): { router: string; target: { subnetId: string } | { portId: string } } {
  const [router, rest = ""] = id.split(":");
  const [key, value = ""] = rest.split("=");
  return { router, target: key === "port_id" ? { portId: value } : { subnetId: value } };
}

/** How long removing an interface or a gateway waits for the floating IPs that still use it to go. */
const RELEASE_WAIT_MS = 60_000;

/**
 * Runs `remove`; while floating IPs of the same stack still rely on what it removes (Heat deletes
 * them first), returns `until` so that the check hook retries, until the wait is over.
 */
async function removeWhenReleased(ctx: ResourceContext, until: number, remove: () => Promise<unknown>): Promise<number | undefined> {
  try {
    await remove();
    return undefined;
  } catch (err) {
    if (err instanceof Error && /required by one or more floating IPs/.test(err.message) && ctx.now() < until) return until;
    throw err;
  }
}

/** Delete hooks that retry `remove` while floating IPs still rely on it. */
function releasingDelete(remove: (ctx: ResourceContext) => Promise<unknown>): Pick<ResourceHandlers, "delete" | "checkDeleteComplete"> {
  return {
    delete: (ctx) => removeWhenReleased(ctx, ctx.now() + RELEASE_WAIT_MS, () => remove(ctx)),
    checkDeleteComplete: async (ctx, token) => token === undefined || (await removeWhenReleased(ctx, token as number, () => remove(ctx))) === undefined,
  };
}

/** The OS::Neutron::RouterInterface plugin. */
export const routerInterfaceResource = defineResource({
  type: "OS::Neutron::RouterInterface",
  properties: {
    router: { region: "same", references: ["OS::Neutron::Router"] },
    subnet: { region: "same", references: ["OS::Neutron::Subnet"] },
    port: { region: "same", references: ["OS::Neutron::Port"] },
  },
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const router = reqString(p, "router");
      const port = optString(p, "port");
      const subnet = optString(p, "subnet");
      if (!port === !subnet) throw new Error("Exactly one of subnet or port must be given for a router interface.");
      const target = port ? { portId: port } : { subnetId: subnet! };
      await cloudCall(`adding an interface to router ${router}`, ctx.region, () => ctx.cloud.network.addRouterInterface(router, target));
      ctx.setPhysicalId(interfaceId(router, target));
    },
    ...releasingDelete(async (ctx) => {
      if (!ctx.physicalId) return;
      const { router, target } = parseInterfaceId(ctx.physicalId);
      await cloudCall(`removing an interface of router ${router}`, ctx.region, () => ignoreNotFound(() => ctx.cloud.network.removeRouterInterface(router, target)));
    }),
    async check(ctx) {
      const { router, target } = parseInterfaceId(ctx.physicalId ?? "");
      const found = (await ctx.cloud.network.getRouter(router)).interfaces.some((i) =>
        "portId" in target ? i.portId === target.portId : i.subnetId === target.subnetId,
      );
      if (!found) throw new Error(`Router ${router} has no interface ${ctx.physicalId}`);
    },
  },
});

/** The OS::Neutron::RouterGateway plugin (deprecated and hidden in Heat: external_gateway_info replaces it). */
export const routerGatewayResource = defineResource({
  type: "OS::Neutron::RouterGateway",
  implicitDependencies: routerGatewayDependencies,
  properties: {
    router_id: { region: "same", references: ["OS::Neutron::Router"] },
    network: { region: "same", references: ["OS::Neutron::Net"] },
  },
  handlers: {
    async create(ctx) {
      const router = reqString(ctx.properties, "router_id");
      const network = await networkId(ctx.cloud, reqString(ctx.properties, "network"));
      await cloudCall(`setting the gateway of router ${router}`, ctx.region, () => ctx.cloud.network.updateRouter(router, { externalGateway: { networkId: network } }));
      ctx.setPhysicalId(`${router}:${network}`);
    },
    ...releasingDelete(async (ctx) => {
      const router = optString(ctx.properties, "router_id");
      if (router) await cloudCall(`clearing the gateway of router ${router}`, ctx.region, () => ignoreNotFound(() => ctx.cloud.network.updateRouter(router, { externalGateway: null })));
    }),
    async check(ctx) {
      const router = await ctx.cloud.network.getRouter(reqString(ctx.properties, "router_id"));
      if (!router.externalGateway) throw new Error(`Router ${router.id} has no gateway`);
    },
  },
});
