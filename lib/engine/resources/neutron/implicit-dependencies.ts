/**
 * Heat's implicit dependencies of the Neutron-facing types (their add_dependencies): Neutron picks a
 * subnet for a port or a server's NIC, a gateway or floating IP needs the router's ports, so these
 * resources wait for the subnets, interfaces and gateways of the same network or router in the
 * template although no property names them, and are deleted before them.
 */
import { isMapping } from "../../functions";
import { canonical } from "../catalog/schema-diff";
import type { ImplicitDependencies, TemplateResource, TemplateResources } from "../types";

const SUBNET = "OS::Neutron::Subnet";
const PORT = "OS::Neutron::Port";
const ROUTER = "OS::Neutron::Router";
const ROUTER_INTERFACE = "OS::Neutron::RouterInterface";
const ROUTER_GATEWAY = "OS::Neutron::RouterGateway";

/**
 * Whether two evaluated template values are the same, as Heat's == sees them before create: unset and
 * null (a get_attr) are one value, the same get_resource target is one value, maps are equal whatever
 * the order of their keys.
 */
export function sameTemplateValue(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null || typeof x !== "object" || typeof y !== "object") return x === y;
  return canonical(x) === canonical(y);
}

/** Python's truthiness of a property value (unset, null, "" and empty lists are false). */
function given(v: unknown): boolean {
  return v !== undefined && v !== null && v !== "" && v !== false && !(Array.isArray(v) && v.length === 0);
}

const prop = (r: TemplateResource, name: string): unknown => r.properties[name];
const sub = (r: TemplateResource, name: string, key: string): unknown => {
  const v = r.properties[name];
  return isMapping(v) ? v[key] : undefined;
};
const entries = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isMapping) : []);
const sameNetwork = (a: TemplateResource, an: string, b: TemplateResource) => sameTemplateValue(prop(a, an), prop(b, "network"));

/** A port waits for every subnet on its network (Neutron may allocate its address from any of them). */
export const portDependencies: ImplicitDependencies = {
  on: [SUBNET],
  needs: (port, subnet) => sameNetwork(port, "network", subnet),
};

/**
 * A server with networks waits for a subnet when one of its entries names the subnet's network or
 * names no network (a port or subnet entry, whose network is not known here), and for a subnet whose
 * network is not known.
 */
export const serverDependencies: ImplicitDependencies = {
  on: [SUBNET],
  needs(server, subnet) {
    const nets = entries(prop(server, "networks"));
    if (!nets.length) return false;
    const network = prop(subnet, "network");
    if (!given(network)) return true;
    return nets.some((n) => !given(n.network ?? n.uuid) || sameTemplateValue(n.network ?? n.uuid, network));
  },
};

/** A router with an external gateway waits for the subnets of the gateway's network. */
export const routerDependencies: ImplicitDependencies = {
  on: [SUBNET],
  needs: (router, subnet) => given(prop(router, "external_gateway_info")) && sameTemplateValue(sub(router, "external_gateway_info", "network"), prop(subnet, "network")),
};

/** A router gateway waits for the interfaces of its router and the subnets of its network. */
export const routerGatewayDependencies: ImplicitDependencies = {
  on: [ROUTER_INTERFACE, SUBNET],
  needs: (gateway, other) =>
    other.type === SUBNET ? sameNetwork(gateway, "network", other) : sameTemplateValue(prop(other, "router"), prop(gateway, "router_id")),
};

/** The subnets of a port's fixed_ips entries, in order. */
function fixedIpSubnets(port: TemplateResource): unknown[] {
  return entries(prop(port, "fixed_ips")).map((f) => f.subnet);
}

/** The ports among a resource's dependencies. */
function portsOf(r: TemplateResource, template: TemplateResources): TemplateResource[] {
  return r.dependsOn.map((d) => template.get(d)).filter((d): d is TemplateResource => d?.type === PORT);
}

/**
 * A floating IP waits for the gateways (RouterGateway, or a Router's external_gateway_info) on its
 * floating network, and for the router interfaces on the subnet of a port it depends on; a port
 * without fixed_ips matches an interface without a subnet only (Heat asks Neutron for the port's
 * network's subnets there, which no template evaluation can).
 */
export const floatingIpDependencies: ImplicitDependencies = {
  on: [ROUTER_GATEWAY, ROUTER_INTERFACE, ROUTER],
  needs(fip, other, template) {
    const floating = prop(fip, "floating_network");
    if (other.type === ROUTER_GATEWAY) return sameTemplateValue(prop(other, "network"), floating);
    if (other.type === ROUTER) return given(prop(other, "external_gateway_info")) && sameTemplateValue(sub(other, "external_gateway_info", "network"), floating);
    const subnet = prop(other, "subnet");
    return portsOf(fip, template).some((p) => {
      const subnets = fixedIpSubnets(p);
      return subnets.length ? subnets.some((s) => sameTemplateValue(s, subnet)) : !given(subnet);
    });
  },
};

/**
 * A floating IP association waits for the router interfaces on the subnet of a port it depends on;
 * Heat looks at the first fixed_ips entry of the port only, and so does this rule.
 */
export const floatingIpAssociationDependencies: ImplicitDependencies = {
  on: [ROUTER_INTERFACE],
  needs: (assoc, iface, template) =>
    portsOf(assoc, template).some((p) => {
      const subnets = fixedIpSubnets(p);
      return subnets.length > 0 && sameTemplateValue(subnets[0], prop(iface, "subnet"));
    }),
};
