/**
 * Which stack actions the console offers for a stack's current status, and why the others are off.
 * Mirrors the engine's own rules (it refuses the same cases with an error), so a disabled button
 * explains itself instead of failing after a click.
 */
import { splitStatus } from "../ui/status";

/** The row and page actions on a stack. */
export type StackActionName = "update" | "delete" | "check" | "suspend" | "resume" | "cancel";

/** Every action, in the order the console shows them. */
export const STACK_ACTIONS: readonly StackActionName[] = ["update", "check", "suspend", "resume", "cancel", "delete"];

/** Actions that destroy or abandon work: they ask for confirmation first. */
export type DestructiveAction = Extract<StackActionName, "delete" | "cancel">;

/** True for delete and cancel. */
export function isDestructive(action: StackActionName): action is DestructiveAction {
  return action === "delete" || action === "cancel";
}

/** Whether an action is offered: `reason` says why not. */
export type Availability = { enabled: true } | { enabled: false; reason: string };

const OK: Availability = { enabled: true };
const off = (reason: string): Availability => ({ enabled: false, reason });

/** Whether `action` can run on a stack whose combined status is `full` (e.g. CREATE_IN_PROGRESS). */
export function availability(action: StackActionName, full: string): Availability {
  const { action: current, status } = splitStatus(full);
  const busy = status === "IN_PROGRESS";
  const label = full.replaceAll("_", " ").toLowerCase();
  switch (action) {
    case "cancel":
      if (!busy) return off(`Nothing to cancel: the stack is ${label}`);
      return current === "CREATE" || current === "UPDATE" ? OK : off(`Only a create or an update can be cancelled, not ${current.toLowerCase()}`);
    case "delete":
      return current === "DELETE" && busy ? off("The stack is already being deleted") : OK;
    case "resume":
      if (busy) return off(`Wait until the stack is no longer ${label}`);
      return current === "SUSPEND" ? OK : off(`Only a suspended stack can be resumed; this one is ${label}`);
    case "suspend":
      if (busy) return off(`Wait until the stack is no longer ${label}`);
      if (current === "SUSPEND" && status === "COMPLETE") return off("The stack is already suspended");
      return current === "DELETE" ? off("A stack that failed to delete cannot be suspended") : OK;
    case "update":
    case "check":
      if (busy) return off(`Wait until the stack is no longer ${label}`);
      return current === "DELETE" ? off(`A stack that failed to delete cannot be ${action === "update" ? "updated" : "checked"}; delete it again`) : OK;
  }
}
