/**
 * Builders of stored records for unit tests of what reads them (the stack page, the event stream):
 * complete records with defaults (stack "s1", a server resource, a CREATE IN_PROGRESS event) and overridable fields.
 */
import type { EventRecord, ResourceRecord } from "../ports";
import { initResourceRecord } from "../stack/records";

/** A resource record of stack s1. */
export function resourceRecord(name: string, patch: Partial<ResourceRecord> = {}): ResourceRecord {
  const base = initResourceRecord({ id: `r-${name}`, stackId: "s1", name, type: "OS::Nova::Server", region: "RegionOne", createdAt: "2026-01-01T00:00:00Z" });
  return { ...base, ...patch };
}

/** An event of stack s1's resource "server" (CREATE IN_PROGRESS at 00:00:01). */
export function eventRecord(seq: number, patch: Partial<EventRecord> = {}): EventRecord {
  return {
    id: `e${seq}`,
    seq,
    stackId: "s1",
    stackName: "web",
    resourceName: "server",
    physicalResourceId: null,
    resourceType: "OS::Nova::Server",
    isStackEvent: false,
    action: "CREATE",
    status: "IN_PROGRESS",
    reason: "state changed",
    time: "2026-01-01T00:00:01Z",
    ...patch,
  };
}
