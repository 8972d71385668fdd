/**
 * The stack store's tables as column lists (names as in prisma/schema.prisma) and the conversions
 * between the engine's records and driver values, written once for both drivers: JSON goes in as
 * text and comes back parsed (SQLite returns text, pg returns objects); booleans come back from
 * SQLite as 0/1; PostgreSQL returns BIGINT as a string.
 */
import type { EventRecord, ResourceRecord, StackLock, StackRecord } from "../../engine/ports";
import type { SqlValue } from "./driver";

/** How a column is stored; `pg` is its PostgreSQL type (for array parameters of bulk statements). */
export interface Column {
  name: string;
  kind: "text" | "json" | "bool" | "int";
  pg: string;
}

const text = (name: string): Column => ({ name, kind: "text", pg: "text" });
const json = (name: string): Column => ({ name, kind: "json", pg: "jsonb" });
const bool = (name: string): Column => ({ name, kind: "bool", pg: "boolean" });
const int = (name: string): Column => ({ name, kind: "int", pg: "integer" });

/** Columns of "Stack". */
export const STACK_COLUMNS: Column[] = [
  text("id"), text("name"), text("projectId"), text("parentId"), text("parentResource"), text("region"),
  text("action"), text("status"), text("statusReason"), text("template"), text("templateName"),
  json("environments"), json("files"), json("parameters"), json("previous"), bool("disableRollback"),
  int("timeoutMins"), json("tags"), int("generation"), text("createdAt"), text("updatedAt"), text("deletedAt"),
];

/** Columns of "Resource". */
export const RESOURCE_COLUMNS: Column[] = [
  text("id"), text("stackId"), text("name"), text("type"), text("region"), text("physicalId"), text("action"),
  text("status"), text("statusReason"), json("properties"), json("attributes"), json("data"), text("nestedStackId"),
  bool("unhealthy"), text("replacedBy"), text("createdAt"), text("updatedAt"),
];

/** Columns of "Event" written by an append ("seq" is assigned by the database). */
export const EVENT_COLUMNS: Column[] = [
  text("id"), text("stackId"), text("stackName"), text("resourceName"), text("physicalResourceId"), text("resourceType"),
  bool("isStackEvent"), text("action"), text("status"), text("reason"), text("time"),
];

/** The driver value of one field. */
export function toValue(column: Column, value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (column.kind === "json") return JSON.stringify(value);
  return value as SqlValue;
}

/** The record field of one stored value. */
export function fromValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.kind === "json") return typeof value === "string" ? JSON.parse(value) : value;
  if (column.kind === "bool") return value === true || value === 1 || value === "1";
  if (column.kind === "int") return Number(value);
  return value;
}

/** The values of `record` in `columns` order. */
export function valuesOf(columns: Column[], record: object): SqlValue[] {
  const fields = record as Record<string, unknown>;
  return columns.map((column) => toValue(column, fields[column.name]));
}

/** A record built from a row, column by column. */
function fromRow<T>(columns: Column[], row: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const column of columns) record[column.name] = fromValue(column, row[column.name]);
  return record as T;
}

/** A stored stack. */
export const rowToStack = (row: Record<string, unknown>): StackRecord => fromRow<StackRecord>(STACK_COLUMNS, row);
/** A stored resource. */
export const rowToResource = (row: Record<string, unknown>): ResourceRecord => fromRow<ResourceRecord>(RESOURCE_COLUMNS, row);
/** A stored event. */
export function rowToEvent(row: Record<string, unknown>): EventRecord {
  return { ...fromRow<Omit<EventRecord, "seq">>(EVENT_COLUMNS, row), seq: Number(row.seq) };
}
/** A stored lock. */
export function rowToLock(row: Record<string, unknown>): StackLock {
  return { stackId: String(row.stackId), owner: String(row.owner), expiresAt: Number(row.expiresAt) };
}

/** `"a", "b", ...` */
export function columnList(columns: Column[]): string {
  return columns.map((c) => `"${c.name}"`).join(", ");
}
