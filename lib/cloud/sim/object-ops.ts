/** Placeholder objects (lib/engine/ports/objects.ts) of one region: stored as given, settled at once. */
import type { CloudObject, CloudObjectSpec, CloudObjectStatus } from "../../engine/ports";
import { conflict, notFound } from "./errors";
import type { CloudObjectRecord } from "./records";
import type { RegionState } from "./region-state";

/** The public view of a placeholder object. */
export function objectView(s: RegionState, { seq: _seq, project: _project, ...object }: CloudObjectRecord): CloudObject {
  return { ...structuredClone(object), region: s.name };
}

function requireObject(s: RegionState, id: string): CloudObjectRecord {
  const object = s.get("object", id);
  if (!object) throw notFound("Object", id);
  return object;
}

function change(s: RegionState, id: string, patch: Partial<CloudObjectRecord>): CloudObject {
  const next = { ...requireObject(s, id), ...patch, updatedAt: s.isoNow() };
  s.put("object", next);
  return objectView(s, next);
}

/** The ObjectClient operations. */
export const objectOps = {
  createObject(s: RegionState, spec: CloudObjectSpec): CloudObject {
    const { id, seq } = s.nextId();
    const now = s.isoNow();
    const record: CloudObjectRecord = { id, seq, kind: spec.kind, name: spec.name, status: "ACTIVE", properties: structuredClone(spec.properties), createdAt: now, updatedAt: now };
    s.put("object", record);
    return objectView(s, record);
  },
  getObject: (s: RegionState, id: string): CloudObject => objectView(s, requireObject(s, id)),
  listObjects: (s: RegionState, kind?: string): CloudObject[] => s.list("object").filter((o) => kind === undefined || o.kind === kind).map((o) => objectView(s, o)),
  updateObject: (s: RegionState, id: string, properties: Record<string, unknown>): CloudObject => change(s, id, { properties: structuredClone(properties) }),
  setObjectStatus(s: RegionState, id: string, status: CloudObjectStatus): CloudObject {
    if (requireObject(s, id).status === status) throw conflict(`Object ${id} is already ${status}.`);
    return change(s, id, { status });
  },
  deleteObject(s: RegionState, id: string): void {
    requireObject(s, id);
    s.remove("object", id);
  },
};
