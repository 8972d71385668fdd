/**
 * What every simulated region offers before anyone creates anything, as DevStack sets it up:
 * m1.* flavors, three images, default quotas, the "public" (external) and "private" networks with
 * their subnets, and the "default" security group.
 */
import type { Flavor, Image, Quota } from "../../engine/ports";
import { uuidFromKey } from "./hash";

/** DevStack's flavors (same ids in every region, as Nova's defaults). */
export const FLAVORS: readonly Flavor[] = [
  { id: "1", name: "m1.tiny", vcpus: 1, ramMb: 512, diskGb: 1 },
  { id: "2", name: "m1.small", vcpus: 1, ramMb: 2048, diskGb: 20 },
  { id: "3", name: "m1.medium", vcpus: 2, ramMb: 4096, diskGb: 40 },
  { id: "4", name: "m1.large", vcpus: 4, ramMb: 8192, diskGb: 80 },
  { id: "5", name: "m1.xlarge", vcpus: 8, ramMb: 16384, diskGb: 160 },
];

const IMAGE_SPECS: readonly { name: string; minDiskGb: number }[] = [
  { name: "cirros", minDiskGb: 0 },
  { name: "ubuntu-22.04", minDiskGb: 3 },
  { name: "fedora-39", minDiskGb: 5 },
];

/** The images of a region; each region's Glance has its own ids. */
export function regionImages(region: string): Image[] {
  return IMAGE_SPECS.map((spec) => ({ id: uuidFromKey(`image/${region}/${spec.name}`), ...spec }));
}

/** Default quotas of a DevStack project (-1 means unlimited). */
export const DEFAULT_QUOTA: Readonly<Quota> = {
  instances: 10,
  cores: 20,
  ramMb: 51200,
  volumes: 10,
  gigabytes: 1000,
  networks: 100,
  ports: 500,
  floatingIps: 50,
};

/** CIDRs of the pre-created subnets of the region at `index` in the region list. */
export function defaultCidrs(index: number): { public: string; private: string } {
  return { public: `172.24.${4 + index}.0/24`, private: `10.${index}.0.0/26` };
}
