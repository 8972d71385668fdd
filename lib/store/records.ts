/**
 * Conversions between the engine's records (lib/engine/ports/store.ts) and Prisma rows.
 * JSON-valued fields go through `toJson` so that only plain JSON reaches the database
 * (undefined members are dropped, as JSON.stringify does).
 */
import { Prisma } from "../../generated/prisma/client";
import type { Event, Resource, Stack } from "../../generated/prisma/client";
import type { Action, EventRecord, ResourceRecord, StackRecord, Status } from "../engine/ports";

/** A plain JSON copy of a value, typed for Prisma's Json columns. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
}

/** Columns of Stack that hold JSON. */
const STACK_JSON_FIELDS = ["environments", "files", "parameters", "tags"] as const;

/** Converts a (partial) stack record into column values; only the fields present are set. */
export function stackToRow(record: Partial<StackRecord>): Prisma.StackUncheckedUpdateInput {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if ((STACK_JSON_FIELDS as readonly string[]).includes(key)) row[key] = toJson(value);
    else if (key === "previous") row[key] = value === null ? Prisma.DbNull : toJson(value);
    else row[key] = value;
  }
  return row as Prisma.StackUncheckedUpdateInput;
}

/** Converts a stack row into the engine's record. */
export function rowToStack(row: Stack): StackRecord {
  return {
    id: row.id,
    name: row.name,
    projectId: row.projectId,
    parentId: row.parentId,
    parentResource: row.parentResource,
    region: row.region,
    action: row.action as Action,
    status: row.status as Status,
    statusReason: row.statusReason,
    template: row.template,
    templateName: row.templateName,
    environments: row.environments as unknown as StackRecord["environments"],
    files: row.files as unknown as StackRecord["files"],
    parameters: row.parameters as unknown as StackRecord["parameters"],
    previous: (row.previous ?? null) as unknown as StackRecord["previous"],
    disableRollback: row.disableRollback,
    timeoutMins: row.timeoutMins,
    tags: row.tags as unknown as string[],
    generation: row.generation,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

/** Converts a resource record into a full row. */
export function resourceToRow(record: ResourceRecord): Prisma.ResourceUncheckedCreateInput {
  return {
    ...record,
    properties: toJson(record.properties),
    attributes: toJson(record.attributes),
    data: toJson(record.data),
  };
}

/** Converts a resource row into the engine's record. */
export function rowToResource(row: Resource): ResourceRecord {
  return {
    ...row,
    action: row.action as Action,
    status: row.status as Status,
    properties: row.properties as Record<string, unknown>,
    attributes: row.attributes as Record<string, unknown>,
    data: row.data as Record<string, string>,
  };
}

/** Converts an event row into the engine's record. */
export function rowToEvent(row: Event): EventRecord {
  return { ...row, action: row.action as Action, status: row.status as Status };
}
