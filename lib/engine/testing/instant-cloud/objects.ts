/** The instant cloud's placeholder objects (ports/objects.ts): stored as given, changed when the call returns. */
import type { CloudObject, ObjectClient } from "../../ports";
import { fail, type InstantRegion } from "./region";
import type { Sync } from "./sync";

/** The ObjectClient operations of a region. */
export function objectOps(r: InstantRegion): Sync<ObjectClient> {
  const find = (id: string) => r.find(r.objects, "Object", id);
  return {
    createObject(spec) {
      const now = r.isoNow();
      const object: CloudObject = { id: r.newId("object"), kind: spec.kind, name: spec.name, region: r.name, status: "ACTIVE", properties: spec.properties, createdAt: now, updatedAt: now };
      return r.add(r.objects, object);
    },
    getObject: find,
    listObjects: (kind) => r.all(r.objects).filter((o) => kind === undefined || o.kind === kind),
    updateObject(id, properties) {
      return Object.assign(find(id), { properties, updatedAt: r.isoNow() });
    },
    setObjectStatus(id, status) {
      const object = find(id);
      if (object.status === status) fail("Conflict", `Object ${id} is already ${status}.`);
      return Object.assign(object, { status, updatedAt: r.isoNow() });
    },
    deleteObject(id) {
      find(id);
      r.objects.delete(id);
    },
  };
}
