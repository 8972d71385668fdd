/**
 * The console's Hearth for a session that may only read (the reader role): every call that would
 * change something is refused with an EngineError("BadRequest") carrying the reason, which the
 * console's server actions already turn into the message their form shows.
 */
import { EngineError } from "@/lib/engine/errors";
import type { Hearth } from "@/lib/services/types";

/** The Hearth methods that change stacks or the cloud. */
const CHANGES = ["create", "update", "delete", "cancel", "check", "suspend", "resume", "signal", "markUnhealthy", "fault", "abandon"] as const;

/** `hearth` with every changing call (stack operations, HA actions, saving templates) refused with `reason`. */
export function readOnlyHearth(hearth: Hearth, reason: string): Hearth {
  const refuse = (what: string) => () => Promise.reject(new EngineError("BadRequest", `${reason} (${what} refused)`));
  const refused = Object.fromEntries(CHANGES.map((name) => [name, refuse(name)]));
  return {
    ...hearth,
    ...refused,
    forProject: (projectId) => readOnlyHearth(hearth.forProject(projectId), reason),
    ha: { ...hearth.ha, failover: refuse("failover"), drill: refuse("drill"), writeCheck: refuse("volume write") },
    templates: { ...hearth.templates, save: refuse("saving a template") },
  };
}
