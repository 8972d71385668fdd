/** Fills a fresh region with what DevStack creates: "public" and "private" networks, "default" group, router1 between them. */
import { defaultCidrs } from "./catalog";
import { addNetwork, addSubnet } from "./network-ops";
import type { RegionState } from "./region-state";
import { addInterface, addRouter } from "./router-ops";
import { addSecurityGroup } from "./security-group-ops";

function lastPoolAddress(pools: { start: string; end: string }[]): string {
  return pools[pools.length - 1].end;
}

/** Creates the default networks, subnets and security group of the region at `index`. */
export function bootstrapRegion(s: RegionState, index: number): void {
  const cidrs = defaultCidrs(index);
  const publicNet = addNetwork(s, { name: "public", shared: false }, true);
  const publicSubnet = addSubnet(s, { networkId: publicNet.id, name: "public-subnet", cidr: cidrs.public });
  const privateNet = addNetwork(s, { name: "private" });
  const privateSubnet = addSubnet(s, { networkId: privateNet.id, name: "private-subnet", cidr: cidrs.private });
  addSecurityGroup(s, { name: "default", description: "Default security group" });
  // DevStack's router1 routes private to public; its gateway takes the last public address, leaving the first to floating IPs.
  const router = addRouter(s, { name: "router1", externalGateway: { networkId: publicNet.id } }, lastPoolAddress(publicSubnet.allocationPools));
  addInterface(s, router.id, { subnetId: privateSubnet.id });
}
