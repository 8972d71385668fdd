/**
 * A StoreChange captured as driver values when it is submitted (so later changes to the engine's
 * objects cannot leak into it), and a batch of them applied inside one transaction with as few
 * statements as the batch allows: stack patches in order (a patch of a missing stack refuses its
 * unit alone, before any of that unit is written), then each resource's LAST state in the batch (an
 * INIT, IN_PROGRESS and COMPLETE of one resource in one batch cost one row write), then the
 * deletions, then every event in submission order.
 */
import { randomUUID } from "node:crypto";
import { notFound } from "../../engine/errors";
import type { EventRecord, StoreChange } from "../../engine/ports";
import type { Outcome } from "../group-commit";
import { type BatchRows, type BulkWriter, PATCHED_STACK_MISSING, type StackPatch, stackPatchStatement } from "./bulk";
import { EVENT_COLUMNS, RESOURCE_COLUMNS, STACK_COLUMNS, toValue, valuesOf } from "./columns";
import type { SqlDriver, SqlExecutor, SqlValue } from "./driver";

/** A change ready to write. */
export interface PreparedChange {
  stack?: StackPatch;
  /** RESOURCE_COLUMNS rows ("id" first). */
  resources: SqlValue[][];
  deletedResources: string[];
  /** The events as the caller will get them back (seq added), and their EVENT_COLUMNS rows. */
  events: { event: Omit<EventRecord, "seq">; row: SqlValue[] }[];
}

/** The UPDATE of the given fields of stack `id` (`id` itself is never changed). */
function stackPatch(id: string, patch: object): StackPatch {
  const fields = patch as Record<string, unknown>;
  const columns = STACK_COLUMNS.filter((c) => c.name !== "id" && fields[c.name] !== undefined);
  return { id, columns: columns.map((c) => c.name), values: columns.map((c) => toValue(c, fields[c.name])) };
}

/** Captures `change` now: values, event ids. */
export function prepareChange(change: StoreChange): PreparedChange {
  return {
    stack: change.stack && stackPatch(change.stack.id, change.stack.patch),
    resources: (change.resources ?? []).map((record) => valuesOf(RESOURCE_COLUMNS, record)),
    deletedResources: [...(change.deletedResources ?? [])],
    events: (change.events ?? []).map((e) => {
      const event = { ...e, id: randomUUID() };
      return { event, row: valuesOf(EVENT_COLUMNS, event) };
    }),
  };
}

/** Runs a stack patch; false when there is no such stack. */
async function runStackPatch(tx: SqlExecutor, patch: StackPatch): Promise<boolean> {
  const { sql, params } = stackPatchStatement(patch);
  return (await tx.query(sql, params)).length > 0;
}

/** One patch per stack: each stack's patches of the batch in order, later fields over earlier ones. */
function mergedPatches(changes: PreparedChange[]): StackPatch[] {
  const fields = new Map<string, Map<string, SqlValue>>();
  for (const { stack } of changes) {
    if (!stack) continue;
    const merged = fields.get(stack.id) ?? new Map<string, SqlValue>();
    stack.columns.forEach((column, i) => merged.set(column, stack.values[i]));
    fields.set(stack.id, merged);
  }
  return [...fields].map(([id, merged]) => ({ id, columns: [...merged.keys()], values: [...merged.values()] }));
}

/** The rows accepted `changes` write: each resource's LAST state, the deletions, every event in order. */
function batchRows(changes: PreparedChange[]): BatchRows {
  const last = new Map<string, SqlValue[] | null>();
  for (const change of changes) {
    for (const row of change.resources) last.set(row[0] as string, row);
    for (const id of change.deletedResources) last.set(id, null);
  }
  return {
    patches: mergedPatches(changes),
    upserts: [...last.values()].filter((row): row is SqlValue[] => row !== null),
    deletes: [...last].filter(([, row]) => row === null).map(([id]) => id),
    events: changes.flatMap((change) => change.events.map((e) => e.row)),
  };
}

/** Each change's outcome: refused, or its events as stored (the accepted ones' `seqs` in order). */
function outcomes(changes: PreparedChange[], refused: (Outcome<EventRecord[]> | undefined)[], seqs: number[]): Outcome<EventRecord[]>[] {
  let next = 0;
  return changes.map((change, i) => refused[i] ?? { ok: true, value: change.events.map(({ event }) => ({ ...event, seq: seqs[next++] })) });
}

/** Applies `changes` with `bulk` in transaction `tx`; one outcome per change (its stored events, or why it was refused). */
export async function applyChanges(tx: SqlExecutor, bulk: BulkWriter, changes: PreparedChange[]): Promise<Outcome<EventRecord[]>[]> {
  const refused: (Outcome<EventRecord[]> | undefined)[] = [];
  for (const change of changes) {
    const missing = change.stack && !(await runStackPatch(tx, change.stack));
    refused.push(missing ? { ok: false, error: notFound(`stack ${change.stack!.id}`) } : undefined);
  }
  const rows = batchRows(changes.filter((_, i) => refused[i] === undefined));
  await bulk.upsertResources(tx, rows.upserts);
  await bulk.deleteResources(tx, rows.deletes);
  return outcomes(changes, refused, await bulk.appendEvents(tx, rows.events));
}

/**
 * Applies `changes` as ONE statement, its own transaction, when `bulk` can (PostgreSQL); undefined
 * otherwise. A batch (resource transitions, their events, the stack's own) then costs one round trip
 * instead of five or more (BEGIN, patches, upsert, lock, events, COMMIT). When a patched stack is
 * missing, that statement writes nothing and the batch is applied again by applyChanges, which
 * refuses the changes of the missing stack alone.
 */
export function applyChangesAlone(driver: SqlDriver, bulk: BulkWriter, changes: PreparedChange[]): Promise<Outcome<EventRecord[]>[]> | undefined {
  if (!bulk.writeAlone) return undefined;
  return bulk.writeAlone(driver, batchRows(changes)).then(
    (seqs) => outcomes(changes, [], seqs),
    (error: unknown) => {
      if ((error as { code?: string }).code !== PATCHED_STACK_MISSING) throw error;
      return driver.transaction((tx) => applyChanges(tx, bulk, changes));
    },
  );
}
