/**
 * Saved templates for the designer: named, versioned template texts kept in the database. Names and
 * sizes are checked here so that the console and any other caller get the same clear errors.
 */
import { randomUUID } from "node:crypto";
import { EngineError } from "../engine/errors";
import { HEAT_LIMITS, sizeOver, templateSizeMessage } from "../engine/limits";
import type { SavedTemplateRecord, TemplateStore } from "../store/ports";

export type { SavedTemplateRecord } from "../store/ports";


/** What the facade offers for saved templates. */
export interface SavedTemplates {
  /** Saves a new version of `id` (a new template when id is undefined); returns the stored version. */
  save(input: { id?: string; name: string; text: string }): Promise<SavedTemplateRecord>;
  /** A version (default: the latest); throws NotFound when absent. */
  get(id: string, version?: number): Promise<SavedTemplateRecord>;
  /** The latest version of each template, newest first. */
  list(): Promise<SavedTemplateRecord[]>;
  /** Every version of a template, newest first. */
  versions(id: string): Promise<Omit<SavedTemplateRecord, "text">[]>;
}

/**
 * Builds the saved-template service over a store; `now` gives ISO timestamps, `maxBytes` is the
 * engine's max_template_size (a text the engine would refuse is not saved either).
 */
export function savedTemplates(store: TemplateStore, now: () => string = () => new Date().toISOString(), maxBytes = HEAT_LIMITS.maxTemplateSize): SavedTemplates {
  return {
    async save({ id, name, text }) {
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 100) throw new EngineError("BadRequest", "Template name: give 1 to 100 characters");
      const size = sizeOver(text, maxBytes);
      if (size !== undefined) throw new EngineError("BadRequest", `Template text: ${templateSizeMessage(size, maxBytes)}`);
      if (id !== undefined && !(await store.get(id))) throw new EngineError("NotFound", `Saved template ${id} not found`);
      return store.addVersion(id ?? randomUUID(), trimmed, text, now());
    },
    async get(id, version) {
      const row = await store.get(id, version);
      if (!row) throw new EngineError("NotFound", `Saved template ${id}${version ? ` version ${version}` : ""} not found`);
      return row;
    },
    list: () => store.listLatest(),
    versions: (id) => store.versions(id),
  };
}
