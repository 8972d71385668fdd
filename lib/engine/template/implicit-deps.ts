/**
 * The plugins' implicit dependencies (ResourcePlugin.implicitDependencies, Heat's add_dependencies)
 * over a compiled template: each rule sees the resources of the types it names in the same region,
 * their properties evaluated as before create. What a rule finds is added to the resource's dependsOn
 * (and listed in implicitDependsOn), so create and delete order by it.
 */
import { FunctionError, isMapping, resolveSnippet } from "../functions";
import { DependencyGraph } from "../graph";
import type { TemplateResource, TemplateResources } from "../resources/types";
import type { ResourceEntry } from "./resources";
import type { CompileState } from "./state";
import { translateProperties } from "./translation";
import type { RuntimeView } from "./types";

/** Nothing exists yet: a get_resource reads as a token of its target, a get_attr as null. */
const BEFORE_CREATE: RuntimeView = {
  referenceId: (name) => `\u0000get_resource:${name}`,
  attribute: () => null,
  allAttributes: () => ({}),
};

/**
 * Adds the implicit dependencies to `entries`. Heat's template validate does not compute them and so
 * accepts a template they would close a cycle in (its create then fails on the cycle): in validate
 * mode such a set is left out, in strict mode it is kept for the cycle check to report.
 */
export function addImplicitDependencies(state: CompileState, entries: Map<string, ResourceEntry>): void {
  const views = new Map<string, TemplateResource | null>();
  const view = (name: string): TemplateResource | undefined => {
    if (!views.has(name)) views.set(name, evaluate(state, entries.get(name)));
    return views.get(name) ?? undefined;
  };
  const template: TemplateResources = { get: view };
  const found = new Map<string, string[]>();
  for (const e of entries.values()) {
    const rule = e.provider ? undefined : state.options.registry.get(e.type)?.implicitDependencies;
    if (!rule) continue;
    const deps: string[] = [];
    for (const o of entries.values()) {
      if (o === e || o.region !== e.region || !rule.on.includes(o.type) || e.dependsOn.includes(o.name)) continue;
      const self = view(e.name);
      if (!self) break;
      const other = view(o.name);
      if (other && rule.needs(self, other, template)) deps.push(o.name);
    }
    if (deps.length) found.set(e.name, deps);
  }
  if (!found.size) return;
  if (state.options.mode === "validate") {
    const all = Object.fromEntries([...entries].map(([n, e]) => [n, [...e.dependsOn, ...(found.get(n) ?? [])]]));
    if (DependencyGraph.fromDependencies(all).findCycle()) return;
  }
  for (const [name, deps] of found) {
    const e = entries.get(name)!;
    e.implicitDependsOn = deps;
    e.dependsOn = [...e.dependsOn, ...deps];
  }
}

/** A resource as the rules see it; null when its properties cannot be evaluated yet (Heat skips those). */
function evaluate(state: CompileState, e: ResourceEntry | undefined): TemplateResource | null {
  if (!e) return null;
  let values: unknown;
  try {
    values = resolveSnippet(e.properties, state.contexts.make(BEFORE_CREATE));
  } catch (err) {
    if (err instanceof FunctionError) return null;
    throw err;
  }
  if (!isMapping(values)) return null;
  const properties = e.openProperties ? values : translateProperties(e.propertySchema, values).values;
  return { name: e.name, type: e.type, properties, dependsOn: e.dependsOn };
}
