/** Builders of stored records shared by the engine and tests. */
import type { ResourceRecord } from "../ports";

/** Fields that identify a new resource record; everything else starts empty. */
type NewResourceFields = Pick<ResourceRecord, "id" | "stackId" | "name" | "type" | "region" | "createdAt">;

/** A fresh INIT_COMPLETE resource record: no physical resource, no data, healthy. */
export function initResourceRecord(fields: NewResourceFields): ResourceRecord {
  return {
    ...fields,
    physicalId: null,
    action: "INIT",
    status: "COMPLETE",
    statusReason: "",
    properties: {},
    attributes: {},
    data: {},
    nestedStackId: null,
    unhealthy: false,
    replacedBy: null,
    updatedAt: null,
  };
}
