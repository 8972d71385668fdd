/** Quota usage and checks with Nova, Cinder and Neutron's QuotaExceeded messages. */
import { CloudError, type Quota } from "../types";
import { FLAVORS } from "./catalog";
import type { RegionState } from "./region-state";

/** What the region's project uses now (entities being deleted still count, as in OpenStack). */
export function quotaUsage(s: RegionState): Quota {
  const used: Quota = { instances: 0, cores: 0, ramMb: 0, volumes: 0, gigabytes: 0, networks: 0, ports: 0, floatingIps: 0 };
  for (const server of s.tables.server.values()) {
    const flavor = FLAVORS.find((f) => f.id === server.flavorId);
    used.instances++;
    used.cores += flavor?.vcpus ?? 0;
    used.ramMb += flavor?.ramMb ?? 0;
  }
  for (const volume of s.tables.volume.values()) {
    used.volumes++;
    used.gigabytes += volume.sizeGb;
  }
  for (const network of s.tables.network.values()) if (!network.external) used.networks++;
  used.ports = s.tables.port.size;
  used.floatingIps = s.tables.floatingIp.size;
  return used;
}

const NOVA_NAMES: Partial<Record<keyof Quota, string>> = { instances: "instances", cores: "cores", ramMb: "ram" };
const NEUTRON_NAMES: Partial<Record<keyof Quota, string>> = { networks: "network", ports: "port", floatingIps: "floatingip" };

function exceededMessage(key: keyof Quota, requested: number, used: number, limit: number): string {
  const nova = NOVA_NAMES[key];
  if (nova) return `Quota exceeded for ${nova}: Requested ${requested}, but already used ${used} of ${limit} ${nova}`;
  const neutron = NEUTRON_NAMES[key];
  if (neutron) return `Quota exceeded for resources: ['${neutron}'].`;
  if (key === "volumes") return `VolumeLimitExceeded: Maximum number of volumes allowed (${limit}) exceeded for quota 'volumes'.`;
  return `VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${requested}G, quota is ${limit}G and ${used}G has been consumed.`;
}

/** Throws QuotaExceeded when adding `request` to the current usage passes a limit (-1 = unlimited). */
export function checkQuota(s: RegionState, request: Partial<Quota>): void {
  const used = quotaUsage(s);
  for (const [key, amount] of Object.entries(request) as [keyof Quota, number][]) {
    const limit = s.meta.quota[key];
    if (limit >= 0 && used[key] + amount > limit) {
      throw new CloudError("QuotaExceeded", exceededMessage(key, amount, used[key], limit));
    }
  }
}
