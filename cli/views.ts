/**
 * Hearth records shaped the way the openstack client shows Heat's answers: field names, column
 * headers and value forms (combined ACTION_STATUS, times without fractions, "None" for nulls).
 */
import type { EventRecord, ResourceRecord, StackRecord } from "../lib/engine/ports";
import { combinedStatus } from "../lib/services/status";
import type { StackOutput } from "../lib/engine/stack/api";
import type { StackSummary } from "../lib/services/types";
import { divergedField, heatTime, outputDicts, templateDescription } from "../lib/api/heat/views";

export { heatTime, outputDicts };

/** A table: column names and rows of values. */
export interface Rows {
  columns: string[];
  rows: unknown[][];
}

/** An object shown as fields: names and values. */
export interface Fields {
  columns: string[];
  values: unknown[];
}

/** What a stack list row needs. */
export type StackRow = Pick<StackSummary, "id" | "name" | "status" | "createdAt" | "updatedAt" | "parentId">;

/** A stored stack as a list row. */
export function stackRow(stack: StackRecord): StackRow {
  const { id, name, createdAt, updatedAt, parentId } = stack;
  return { id, name, status: combinedStatus(stack), createdAt, updatedAt, parentId };
}

/** `openstack stack list` columns. */
export function stackRows(stacks: readonly StackRow[], nested = false): Rows {
  const columns = ["ID", "Stack Name", "Stack Status", "Creation Time", "Updated Time"];
  const rows = stacks.map((s) => [s.id, s.name, s.status, heatTime(s.createdAt), heatTime(s.updatedAt)]);
  if (!nested) return { columns, rows };
  return { columns: [...columns, "Parent"], rows: rows.map((row, i) => [...row, stacks[i].parentId]) };
}

/** `openstack stack show` fields with the outputs computed for it; without `full`, what create/update print (the first seven). */
export function stackFields(stack: StackRecord, full?: { outputs: readonly StackOutput[] }): Fields {
  const head: [string, unknown][] = [
    ["id", stack.id],
    ["stack_name", stack.name],
    ["description", templateDescription(stack.template)],
    ["creation_time", heatTime(stack.createdAt)],
    ["updated_time", heatTime(stack.updatedAt)],
    ["stack_status", combinedStatus(stack)],
    ["stack_status_reason", stack.statusReason],
  ];
  const tail: [string, unknown][] = [
    ["parameters", { "OS::project_id": stack.projectId, "OS::stack_id": stack.id, "OS::stack_name": stack.name, ...stack.parameters }],
    ["outputs", outputDicts(full?.outputs ?? [])],
    ["parent", stack.parentId],
    ["disable_rollback", stack.disableRollback],
    ["deletion_time", heatTime(stack.deletedAt)],
    ["stack_owner", stack.projectId],
    ["timeout_mins", stack.timeoutMins],
    ["tags", stack.tags.length ? stack.tags : null],
    ["region", stack.region],
  ];
  const pairs = full ? [...head, ...tail] : head;
  return { columns: pairs.map(([k]) => k), values: pairs.map(([, v]) => v) };
}

/** `openstack stack resource list` columns. */
export function resourceRows(resources: readonly ResourceRecord[]): Rows {
  return {
    columns: ["resource_name", "physical_resource_id", "resource_type", "resource_status", "updated_time", "region"],
    rows: resources.map((r) => [r.name, r.physicalId ?? "", r.type, combinedStatus(r), heatTime(r.updatedAt ?? r.createdAt), r.region]),
  };
}

/** `openstack stack resource show` fields (sorted, as cliff's dict2columns does). */
export function resourceFields(stack: StackRecord, r: ResourceRecord, attributes: Record<string, unknown>, attributeErrors: Record<string, string> = {}): Fields {
  const fields: Record<string, unknown> = {
    attributes,
    ...(Object.keys(attributeErrors).length ? { attribute_errors: attributeErrors } : {}),
    ...divergedField(r),
    creation_time: heatTime(r.createdAt),
    logical_resource_id: r.name,
    physical_resource_id: r.physicalId ?? "",
    region: r.region,
    resource_name: r.name,
    resource_status: combinedStatus(r),
    resource_status_reason: r.statusReason,
    resource_type: r.type,
    stack_name: stack.name,
    updated_time: heatTime(r.updatedAt ?? r.createdAt),
  };
  const columns = Object.keys(fields).sort();
  return { columns, values: columns.map((c) => fields[c]) };
}

/** `openstack stack event list` columns. */
export function eventRows(events: readonly EventRecord[]): Rows {
  return {
    columns: ["resource_name", "id", "resource_status", "resource_status_reason", "event_time", "physical_resource_id", "logical_resource_id"],
    rows: events.map((e) => [e.resourceName, e.id, combinedStatus(e), e.reason, heatTime(e.time), e.physicalResourceId ?? "", e.resourceName]),
  };
}

/** One event as heatclient's log format prints it: `time id [resource]: STATUS  reason`. */
export function eventLogLine(e: EventRecord): string {
  return `${(heatTime(e.time) ?? "").replace("T", " ")} ${e.id} [${e.resourceName}]: ${combinedStatus(e)}  ${e.reason}`;
}
