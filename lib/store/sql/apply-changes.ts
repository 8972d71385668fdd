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
import type { BulkWriter } from "./bulk";
import { EVENT_COLUMNS, RESOURCE_COLUMNS, STACK_COLUMNS, toValue, valuesOf } from "./columns";
import type { SqlExecutor, SqlValue } from "./driver";

/** A stack patch as an UPDATE: the columns set and their values. */
interface StackPatch {
  id: string;
  columns: string[];
  values: SqlValue[];
}

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
  if (patch.columns.length === 0) return (await tx.query('SELECT 1 FROM "Stack" WHERE "id" = ?', [patch.id])).length > 0;
  const set = patch.columns.map((name) => `"${name}" = ?`).join(", ");
  return (await tx.run(`UPDATE "Stack" SET ${set} WHERE "id" = ?`, [...patch.values, patch.id])) > 0;
}

/** Applies `changes` with `bulk`; one outcome per change (its stored events, or why it was refused). */
export async function applyChanges(tx: SqlExecutor, bulk: BulkWriter, changes: PreparedChange[]): Promise<Outcome<EventRecord[]>[]> {
  const refused: (Outcome<EventRecord[]> | undefined)[] = [];
  for (const change of changes) {
    const missing = change.stack && !(await runStackPatch(tx, change.stack));
    refused.push(missing ? { ok: false, error: notFound(`stack ${change.stack!.id}`) } : undefined);
  }
  const accepted = changes.filter((_, i) => refused[i] === undefined);

  const last = new Map<string, SqlValue[] | null>();
  for (const change of accepted) {
    for (const row of change.resources) last.set(row[0] as string, row);
    for (const id of change.deletedResources) last.set(id, null);
  }
  const rows = [...last.values()];
  await bulk.upsertResources(tx, rows.filter((row): row is SqlValue[] => row !== null));
  await bulk.deleteResources(tx, [...last].filter(([, row]) => row === null).map(([id]) => id));

  const seqs = await bulk.appendEvents(tx, accepted.flatMap((change) => change.events.map((e) => e.row)));
  let next = 0;
  return refused.map((outcome, i) => outcome ?? { ok: true, value: changes[i].events.map(({ event }) => ({ ...event, seq: seqs[next++] })) });
}
