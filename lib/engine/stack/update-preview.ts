/**
 * preview_update: what an update would do to each resource, without doing it (Heat's
 * `stack update --dry-run`). The target definition is compiled strictly, as update does; each
 * resource's new properties are resolved against live state, with what the update changes masked:
 * resources created or replaced have no id or attributes yet, resources updated in place no known
 * attributes (so whatever refers to them counts as changed, conservatively); then update-diff's own
 * rules decide.
 */
import type { RuntimeView, StackInput } from "../template/types";
import type { UpdateOptions, UpdatePreview, UpdatePreviewResource } from "./api";
import type { EngineCore } from "./core";
import { compileStrict, updatedDefinition } from "./definition";
import { liveStack } from "./load";
import { Operation } from "./operation";
import { checkTimeout } from "./options";
import { wasStarted } from "./resource-ops";
import { resolveLive } from "./runtime";
import { graphOf } from "./stack-walk";
import { changedProperties, decideUpdate, mustReplace } from "./update-diff";

/** A view where `fresh` resources (created or replaced) have no id yet and `changing` ones no attributes. */
function masked(view: RuntimeView, fresh: Set<string>, changing: Set<string>): RuntimeView {
  return {
    referenceId: (r) => (fresh.has(r) ? `<new ${r}>` : view.referenceId(r)),
    attribute: (r, attribute, path) => (changing.has(r) ? undefined : view.attribute(r, attribute, path)),
    allAttributes: (r) => (changing.has(r) ? {} : view.allAttributes(r)),
  };
}

/** What the update of `stackId` with `input` would do; throws ValidationError as update would. */
export async function previewUpdate(core: EngineCore, stackId: string, input: Partial<StackInput>, options: UpdateOptions = {}): Promise<UpdatePreview> {
  checkTimeout(options.timeoutMins);
  const stack = await liveStack(core, stackId);
  const target = compileStrict(core, updatedDefinition(stack, input, options.existing === true), stack);
  const op = await Operation.load(core, stack, true);
  op.compiled = target;
  const fresh = new Set<string>();
  const changing = new Set<string>();
  const mark = (name: string, kind: UpdatePreviewResource["kind"]) => {
    if (kind === "create" || kind === "replace") fresh.add(name);
    if (kind !== "none") changing.add(name);
  };
  const resources: UpdatePreviewResource[] = [];
  for (const name of graphOf(target).topologicalOrder()) {
    const res = target.resources[name];
    const cur = op.records.get(name);
    const entry = { name, type: res.type, region: res.region, changed: [] as string[] };
    if (!cur || !wasStarted(cur)) {
      mark(name, "create");
      resources.push({ ...entry, kind: "create" });
      continue;
    }
    if (mustReplace(cur, res.type)) {
      mark(name, "replace");
      const why = cur.type !== res.type ? `type changes from ${cur.type}` : cur.unhealthy ? "marked unhealthy" : "its last operation failed";
      resources.push({ ...entry, kind: "replace", reason: why });
      continue;
    }
    const after = await resolveLive(op, (view) => target.resolveProperties(name, masked(view, fresh, changing)));
    const changed = changedProperties(cur.properties, after);
    try {
      const decision = decideUpdate(cur, op.pluginFor(res), after);
      mark(name, decision.kind);
      resources.push({ ...entry, kind: decision.kind, changed });
    } catch (error) {
      mark(name, "update");
      resources.push({ ...entry, kind: "update", changed, reason: `the update will fail: ${(error as Error).message}` });
    }
  }
  for (const rec of op.records.values()) {
    if (!target.resources[rec.name]) resources.push({ name: rec.name, type: rec.type, region: rec.region, kind: "delete", changed: [] });
  }
  return { resources };
}
