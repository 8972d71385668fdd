/**
 * The console's Hearth for a session that may only read (the reader role): every call that would
 * change something is refused with an EngineError("BadRequest") carrying the reason, which the
 * console's server actions already turn into the message their form shows.
 */
import { EngineError } from "@/lib/engine/errors";
import type { HaConsole } from "@/lib/services/ha/view";
import type { SavedTemplates } from "@/lib/services/templates";
import type { Hearth } from "@/lib/services/types";
import type { VolumeGuest } from "@/lib/services/volume-data";

/** Members a reader gets as they are, or refused; `ha`, `templates`, `volumeGuest` and `forProject` are wrapped below. */
type Kind = "read" | "change";

/**
 * Every member of Hearth, sorted by what it does. The compiler insists each one is listed, so a
 * method added to Hearth later must be classified here before the console builds.
 */
const KINDS: Record<Exclude<keyof Hearth, "ha" | "templates" | "volumeGuest" | "forProject">, Kind> = {
  projectId: "read",
  identity: "read", // the console changes identities only through its session actions, never through this Hearth
  validate: "read",
  preview: "read",
  previewUpdate: "read",
  exportStack: "read",
  describeTemplate: "read",
  listStacks: "read",
  listStackRecords: "read",
  getStack: "read",
  findStack: "read",
  getResource: "read",
  outputs: "read",
  resourceMetadata: "read",
  listEvents: "read",
  lastEventSeq: "read",
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
  releaseOwner: "change",
  resolveDivergence: "change",
  cancel: "change",
  check: "change",
  suspend: "change",
  resume: "change",
  signal: "change",
  signalByToken: "change",
  markUnhealthy: "change",
  fault: "change",
};

/** The same for the HA console, saved templates and volume data (named as their refusals say). */
const HA_KINDS: Record<keyof HaConsole, Kind> = { groups: "read", failover: "change", drill: "change", writeCheck: "change" };
const TEMPLATE_KINDS: Record<keyof SavedTemplates, Kind> = { list: "read", get: "read", versions: "read", save: "change" };
const VOLUME_KINDS: Record<keyof VolumeGuest, Kind> = { read: "read", write: "change" };

/** `target` with each member `kinds` calls a change replaced by a refusal named by `names` (default: the member's name). */
function refuseChanges<T extends object>(target: T, kinds: Record<keyof T, Kind>, refuse: (what: string) => () => Promise<never>, names: Partial<Record<keyof T, string>> = {}): T {
  const refused = Object.entries(kinds).flatMap(([name, kind]) => (kind === "change" ? [[name, refuse(names[name as keyof T] ?? name)]] : []));
  return { ...target, ...Object.fromEntries(refused) };
}

/** `hearth` with every changing call (stack operations, HA actions, saving templates, volume writes) refused with `reason`. */
export function readOnlyHearth(hearth: Hearth, reason: string): Hearth {
  const refuse = (what: string) => () => Promise.reject(new EngineError("BadRequest", `${reason} (${what} refused)`));
  return {
    ...refuseChanges(hearth, { ...KINDS, ha: "read", templates: "read", volumeGuest: "read", forProject: "read" }, refuse),
    forProject: (projectId) => readOnlyHearth(hearth.forProject(projectId), reason),
    ha: refuseChanges(hearth.ha, HA_KINDS, refuse, { writeCheck: "volume write" }),
    templates: refuseChanges(hearth.templates, TEMPLATE_KINDS, refuse, { save: "saving a template" }),
    volumeGuest: refuseChanges(hearth.volumeGuest, VOLUME_KINDS, refuse, { write: "volume write" }),
  };
}
