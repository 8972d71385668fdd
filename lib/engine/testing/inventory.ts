/**
 * What a tree of stacks records and what a cloud region holds, as sorted ids by kind, so a test can
 * check that they are exactly the same: nothing in the cloud that no stack records, nothing a stack
 * records missing, nothing recorded twice.
 */
import type { CloudProvider, StackStore } from "../ports";

/** Ids by kind, sorted (a repeated id stays repeated). */
export interface Inventory {
  servers: string[];
  volumes: string[];
  attachments: string[];
  networks: string[];
  subnets: string[];
  ports: string[];
}

const KIND_OF_TYPE: Record<string, keyof Inventory> = {
  "OS::Nova::Server": "servers",
  "OS::Cinder::Volume": "volumes",
  "OS::Cinder::VolumeAttachment": "attachments",
  "OS::Neutron::Net": "networks",
  "OS::Neutron::Subnet": "subnets",
  "OS::Neutron::Port": "ports",
};

const empty = (): Inventory => ({ servers: [], volumes: [], attachments: [], networks: [], subnets: [], ports: [] });

function sorted(inv: Inventory): Inventory {
  return Object.fromEntries(Object.entries(inv).map(([k, ids]) => [k, [...(ids as string[])].sort()])) as unknown as Inventory;
}

/** Everything the region holds (the operator's view), minus what `baseline` (taken before) already had. */
export async function cloudInventory(cloud: CloudProvider, baseline: Inventory = empty(), region = "RegionOne"): Promise<Inventory> {
  const c = cloud.region(region);
  const volumes = await c.volume.listVolumes();
  const inv: Inventory = {
    servers: (await c.compute.listServers()).map((s) => s.id),
    volumes: volumes.map((v) => v.id),
    attachments: volumes.flatMap((v) => v.attachments.map((a) => a.id)),
    networks: (await c.network.listNetworks()).map((n) => n.id),
    subnets: (await c.network.listSubnets()).map((s) => s.id),
    ports: (await c.network.listPorts()).map((p) => p.id),
  };
  for (const kind of Object.keys(inv) as (keyof Inventory)[]) inv[kind] = inv[kind].filter((id) => !baseline[kind].includes(id));
  return sorted(inv);
}

/**
 * The physical ids the stack and its nested stacks record (current and replaced copies), with the
 * internal ports servers keep in their data. A deleted stack records nothing.
 */
export async function recordedInventory(store: StackStore, stackId: string): Promise<Inventory> {
  const inv = empty();
  const visit = async (id: string, depth: number): Promise<void> => {
    const stack = await store.getStack(id);
    if (!stack || stack.deletedAt || depth > 10) return;
    for (const rec of await store.listResources(id)) {
      const kind = KIND_OF_TYPE[rec.type];
      if (kind && rec.physicalId) inv[kind].push(rec.physicalId);
      if (rec.data.internal_ports) inv.ports.push(...(JSON.parse(rec.data.internal_ports) as string[]));
      if (rec.nestedStackId) await visit(rec.nestedStackId, depth + 1);
    }
  };
  await visit(stackId, 0);
  return sorted(inv);
}
