/**
 * The peers' invariant on the cloud: the simulated cloud's objects (read from the shared database by
 * a Hearth of the test's own, which never takes work) are exactly what existed before the stacks
 * plus the physical ids the stacks' resources record: no orphan, nothing missing, no id recorded by
 * two resources.
 */
import { openSimCloud } from "../../lib/cloud/sim";
import type { Quota } from "../../lib/engine/ports";
import { createHearth } from "../../lib/services";
import { openDatabase } from "../../lib/store/database";
import type { CloudInventory, Hearth } from "../../lib/services/types";
import type { ResourceRow } from "./heat-client";
import { ROOT } from "./engines";

/** Resource types whose physical id is a cloud object the inventory lists. */
const CLOUD_TYPES = new Set(["OS::Nova::Server", "OS::Cinder::Volume", "OS::Cinder::VolumeAttachment", "OS::Neutron::Net", "OS::Neutron::Subnet", "OS::Neutron::Port"]);

/** What differs between the cloud and the stacks (all empty when they agree). */
export interface CloudDiff {
  /** In the cloud (and not there before), recorded by no stack. */
  orphans: string[];
  /** Recorded by a stack's resource, not in the cloud. */
  missing: string[];
  /** Recorded by more than one resource. */
  shared: string[];
  /** How many cloud objects the stacks record (for the log). */
  recorded: number;
}

/** No limit on anything (the default quotas allow 10 servers and 10 volumes per region). */
const UNLIMITED: Quota = { instances: -1, cores: -1, ramMb: -1, volumes: -1, gigabytes: -1, networks: -1, ports: -1, floatingIps: -1 };

/**
 * Makes a fresh database ready for the fleet, before any engine starts: migrated, and its simulated
 * cloud created from `seed` with no quota (an operator's setting: the peers' loads pass the defaults).
 */
export async function prepareDatabase(databaseUrl: string, seed: number): Promise<void> {
  const db = await openDatabase(databaseUrl, { migrateFrom: ROOT });
  try {
    const sim = await openSimCloud({ persistence: db.cloudState("peers-setup"), seed, speed: 0, quotas: UNLIMITED });
    for (const region of sim.regionNames()) sim.setQuota(region, UNLIMITED);
    await sim.flush();
  } finally {
    await db.close();
  }
}

/** Opens a reader on the fleet's database: no recovery, no sweep, no HA monitor. */
export function openReader(databaseUrl: string, password: string): Promise<Hearth> {
  return createHearth({ databaseUrl, root: ROOT, recover: false, sweepMs: 0, haMonitor: false, owner: "peers-test-reader", simSpeed: 0, bootstrapPassword: password });
}

/** Every object id in the cloud, attachments included. */
export async function cloudIds(reader: Hearth): Promise<Set<string>> {
  const inventory: CloudInventory & { subnets?: { id: string }[]; securityGroups?: { id: string }[] } = await reader.cloudInventory();
  const ids = [
    ...inventory.servers.map((s) => s.id),
    ...inventory.volumes.map((v) => v.id),
    ...inventory.volumes.flatMap((v) => v.attachments.map((a) => a.id)),
    ...inventory.networks.map((n) => n.id),
    ...(inventory.subnets ?? []).map((s) => s.id),
    ...inventory.ports.map((p) => p.id),
    ...inventory.floatingIps.map((f) => f.id),
    ...(inventory.securityGroups ?? []).map((g) => g.id),
  ];
  return new Set(ids);
}

/** Compares the cloud now with `baseline` (its ids before any stack) and the stacks' resources. */
export async function compareCloud(reader: Hearth, baseline: Set<string>, resources: readonly ResourceRow[]): Promise<CloudDiff> {
  const now = await cloudIds(reader);
  const counts = new Map<string, number>();
  for (const r of resources) {
    if (CLOUD_TYPES.has(r.resource_type) && r.physical_resource_id) counts.set(r.physical_resource_id, (counts.get(r.physical_resource_id) ?? 0) + 1);
  }
  const recorded = new Set(counts.keys());
  return {
    orphans: [...now].filter((id) => !baseline.has(id) && !recorded.has(id)),
    missing: [...recorded].filter((id) => !now.has(id)),
    shared: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    recorded: recorded.size,
  };
}
