/** Quota usage and checks with Nova, Cinder and Neutron's QuotaExceeded messages. */
import { CloudError, type Quota } from "../../engine/ports";
import { FLAVORS } from "./catalog";
import type { RegionState } from "./region-state";

type Usage = Partial<Quota>;

/** Usage counted per service, so a check only scans what it needs. */
const COUNTERS: { keys: (keyof Quota)[]; count(s: RegionState): Usage }[] = [
  {
    keys: ["instances", "cores", "ramMb"],
    count(s) {
      const used = { instances: 0, cores: 0, ramMb: 0 };
      for (const server of s.tables.server.values()) {
        const flavor = FLAVORS.find((f) => f.id === server.flavorId);
        used.instances++;
        used.cores += flavor?.vcpus ?? 0;
        used.ramMb += flavor?.ramMb ?? 0;
      }
      return used;
    },
  },
  {
    keys: ["volumes", "gigabytes"],
    count(s) {
      let gigabytes = 0;
      for (const volume of s.tables.volume.values()) gigabytes += volume.sizeGb;
      return { volumes: s.tables.volume.size, gigabytes };
    },
  },
  {
    keys: ["networks"],
    count(s) {
      let networks = 0;
      for (const network of s.tables.network.values()) if (!network.external) networks++;
      return { networks };
    },
  },
  { keys: ["ports", "floatingIps"], count: (s) => ({ ports: s.tables.port.size, floatingIps: s.tables.floatingIp.size }) },
];

function usageOf(s: RegionState, keys: (keyof Quota)[]): Usage {
  const used: Usage = {};
  for (const counter of COUNTERS) if (counter.keys.some((k) => keys.includes(k))) Object.assign(used, counter.count(s));
  return used;
}

/** What the region's project uses now (entities being deleted still count, as in OpenStack). */
export function quotaUsage(s: RegionState): Quota {
  return usageOf(s, COUNTERS.flatMap((c) => c.keys)) as Quota;
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
  const keys = (Object.keys(request) as (keyof Quota)[]).filter((key) => s.meta.quota[key] >= 0);
  if (keys.length === 0) return;
  const used = usageOf(s, keys);
  for (const key of keys) {
    const amount = request[key] ?? 0;
    const limit = s.meta.quota[key];
    const current = used[key] ?? 0;
    if (current + amount > limit) throw new CloudError("QuotaExceeded", exceededMessage(key, amount, current, limit));
  }
}
