/** Which policy keeps a member of a group active, read through the plugins' declared readers (ResourcePlugin.activeMember). */
import type { ResourceRecord } from "../../engine/ports";
import { defaultRegistry } from "../../engine/resources";

/** The resource among `siblings` whose type keeps one member of `group` active (a FailoverPolicy watching it), if any. */
export function watchingPolicy(group: Pick<ResourceRecord, "physicalId">, siblings: readonly ResourceRecord[]): ResourceRecord | undefined {
  if (!group.physicalId) return undefined;
  return siblings.find((r) => defaultRegistry.get(r.type)?.activeMember?.group(r) === group.physicalId);
}
