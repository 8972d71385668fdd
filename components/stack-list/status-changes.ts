/** What the list's live region says when stacks change between two refreshes. */
import type { StackSummary } from "@/lib/services/types";

/**
 * Sentences for each stack whose status changed, appeared or disappeared between `before` and
 * `after` (by id), e.g. "web: CREATE_COMPLETE", "db was removed". Empty when nothing changed.
 */
export function statusChanges(before: StackSummary[], after: StackSummary[]): string[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const current = new Set(after.map((s) => s.id));
  const changes = after.filter((s) => old.get(s.id)?.status !== s.status).map((s) => `${s.name}: ${s.status.replaceAll("_", " ").toLowerCase()}`);
  const gone = before.filter((s) => !current.has(s.id)).map((s) => `${s.name} was removed`);
  return [...changes, ...gone];
}
