/** Finding records by id or name, with Neutron's ambiguity error. */
import { badRequest } from "./errors";

/**
 * The record whose id is `ref`, else the only one named `ref`; undefined when none matches.
 * Several records with that name are a BadRequest naming the kind (`label`).
 */
export function findByRef<T extends { id: string; name: string }>(records: Iterable<T>, ref: string, label: string): T | undefined {
  const named: T[] = [];
  for (const record of records) {
    if (record.id === ref) return record;
    if (record.name === ref) named.push(record);
  }
  if (named.length > 1) {
    throw badRequest(`Multiple ${label} matches found for name '${ref}', use an ID to be more specific.`);
  }
  return named[0];
}
