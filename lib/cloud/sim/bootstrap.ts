/** Fills a fresh region with what DevStack creates: "public" and "private" networks, "default" group. */
import { defaultCidrs } from "./catalog";
import { addNetwork, addSubnet } from "./network-ops";
import type { RegionState } from "./region-state";
import { addSecurityGroup } from "./security-group-ops";

/** Creates the default networks, subnets and security group of the region at `index`. */
export function bootstrapRegion(s: RegionState, index: number): void {
  const cidrs = defaultCidrs(index);
  const publicNet = addNetwork(s, { name: "public", shared: false }, true);
  addSubnet(s, { networkId: publicNet.id, name: "public-subnet", cidr: cidrs.public });
  const privateNet = addNetwork(s, { name: "private" });
  addSubnet(s, { networkId: privateNet.id, name: "private-subnet", cidr: cidrs.private });
  addSecurityGroup(s, { name: "default", description: "Default security group" });
}
