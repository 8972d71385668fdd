/**
 * Name-or-id lookups for Neutron references, as Heat's neutron client plugin does them: an id wins,
 * else exactly one object with that name, else a clear error naming the kind and the reference.
 */
import type { RegionClient } from "../../ports";
import { isNotFound } from "../support/cloud-errors";

async function byRef<T extends { id: string; name: string }>(
  kind: string,
  ref: string,
  get: (id: string) => Promise<T>,
  list: () => Promise<T[]>,
): Promise<T> {
  try {
    return await get(ref);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const named = (await list()).filter((o) => o.name === ref);
  if (named.length > 1) throw new Error(`Multiple ${kind} matches found for name '${ref}', use an ID to be more specific.`);
  if (named.length === 0) throw new Error(`Unable to find ${kind} with name or id '${ref}'`);
  return named[0];
}

/** The id of the network named or identified by `ref`. */
export async function networkId(cloud: RegionClient, ref: string): Promise<string> {
  const n = cloud.network;
  return (await byRef("network", ref, (id) => n.getNetwork(id), () => n.listNetworks())).id;
}

/** The id of the subnet named or identified by `ref`. */
export async function subnetId(cloud: RegionClient, ref: string): Promise<string> {
  const n = cloud.network;
  return (await byRef("subnet", ref, (id) => n.getSubnet(id), () => n.listSubnets())).id;
}

/** The id of the port named or identified by `ref`. */
export async function portId(cloud: RegionClient, ref: string): Promise<string> {
  const n = cloud.network;
  return (await byRef("port", ref, (id) => n.getPort(id), () => n.listPorts())).id;
}

/** The ids of the security groups named or identified by `refs`. */
export async function securityGroupIds(cloud: RegionClient, refs: string[]): Promise<string[]> {
  const n = cloud.network;
  return Promise.all(refs.map(async (ref) => (await byRef("security_group", ref, (id) => n.getSecurityGroup(id), () => n.listSecurityGroups())).id));
}
