/** Consuming failNext rules (see SimFaults.failNext). */
import type { FailRule } from "./records";
import type { RegionState } from "./region-state";

/** The message Nova gives when a build fails without a more specific reason. */
export const NO_VALID_HOST = "No valid host was found. There are not enough hosts available.";

/** Takes one use of the rule for this operation, if any is armed, and returns it. */
export function takeFailure(s: RegionState, operation: string): FailRule | undefined {
  const rule = s.meta.failNext[operation];
  if (!rule) return undefined;
  const taken = { ...rule };
  if (--rule.count <= 0) delete s.meta.failNext[operation];
  s.saveMeta();
  return taken;
}
