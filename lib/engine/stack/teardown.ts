/** Deleting a set of resource records in reverse dependency order (stack delete, rollback, update cleanup). */
import type { CompiledStack } from "../template/types";
import type { Operation } from "./operation";
import type { Action, ResourceRecord } from "../ports";
import { deleteResource } from "./resource-ops";
import { graphFor, walkStack } from "./stack-walk";

/**
 * Deletes `recs`, dependents first, ordered by the dependencies `sources` know; each record's deletion
 * policy comes from the first source that has its name. Returns the failure reason, if any.
 */
export async function deleteRecords(op: Operation, recs: ResourceRecord[], action: Action, ...sources: (CompiledStack | undefined)[]): Promise<string | undefined> {
  const byName = new Map<string, ResourceRecord[]>();
  for (const r of recs) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const policy = (name: string) => sources.find((s) => s?.resources[name])?.resources[name].deletionPolicy ?? "Delete";
  const graph = graphFor(byName.keys(), ...sources);
  return walkStack(
    op,
    graph,
    action,
    async (name, signal) => {
      for (const rec of byName.get(name)!) await deleteResource(op, rec, policy(name), signal);
    },
    { reverse: true },
  );
}

/** Every record of the operation: current copies and retired ones. */
export function allRecords(op: Operation): ResourceRecord[] {
  return [...op.records.values(), ...op.retired];
}
