/**
 * The console's Hearth for a session that may only read (the reader role): every call that would
 * change something is refused with an EngineError("BadRequest") carrying the reason, which the
 * console's server actions already turn into the message their form shows.
 */
import { EngineError } from "@/lib/engine/errors";
import type { Hearth } from "@/lib/services/types";

/** Members a reader gets as they are, or refused; `ha`, `templates` and `forProject` are wrapped below. */
type Kind = "read" | "change";

/**
 * Every member of Hearth, sorted by what it does. The compiler insists each one is listed, so a
 * method added to Hearth later must be classified here before the console builds.
 */
const KINDS: Record<Exclude<keyof Hearth, "ha" | "templates" | "forProject">, Kind> = {
  projectId: "read",
  identity: "read", // the console changes identities only through its session actions, never through this Hearth
  validate: "read",
  preview: "read",
  previewUpdate: "read",
  exportStack: "read",
  describeTemplate: "read",
  listStacks: "read",
  getStack: "read",
  getResource: "read",
  resourceMetadata: "read",
  listEvents: "read",
  topology: "read",
  subscribe: "read",
  watchStacks: "read",
  cloudInventory: "read",
  volumeData: "read",
  close: "read",
  create: "change",
  update: "change",
  delete: "change",
  abandon: "change",
  cancel: "change",
  check: "change",
  suspend: "change",
  resume: "change",
  signal: "change",
  signalByToken: "change",
  markUnhealthy: "change",
  fault: "change",
};

/** `hearth` with every changing call (stack operations, HA actions, saving templates) refused with `reason`. */
export function readOnlyHearth(hearth: Hearth, reason: string): Hearth {
  const refuse = (what: string) => () => Promise.reject(new EngineError("BadRequest", `${reason} (${what} refused)`));
  const refused = Object.fromEntries(Object.entries(KINDS).flatMap(([name, kind]) => (kind === "change" ? [[name, refuse(name)]] : [])));
  return {
    ...hearth,
    ...refused,
    forProject: (projectId) => readOnlyHearth(hearth.forProject(projectId), reason),
    ha: { ...hearth.ha, failover: refuse("failover"), drill: refuse("drill"), writeCheck: refuse("volume write") },
    templates: { ...hearth.templates, save: refuse("saving a template") },
  };
}
