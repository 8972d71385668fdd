/**
 * Environments: parameters, parameter_defaults and resource_registry (type aliases, provider
 * templates, per-resource overrides), merged in order so later files win.
 */
import type { Diagnostic } from "../diagnostics";
import { GLOBAL_REGISTRY } from "../resources/catalog/global-environment";
import { isMapping } from "../functions";
import { parseTemplateDocument } from "./document";
import type { DocumentLimits } from "./document-screen";

const SECTIONS = ["parameters", "resource_registry", "parameter_defaults", "encrypted_param_names", "event_sinks", "parameter_merge_strategies"];

/** The merged environment of a stack. */
export interface Environment {
  parameters: Record<string, unknown>;
  parameterDefaults: Record<string, unknown>;
  /** Global type mappings: "OS::X" -> "OS::Y" or a provider template name. */
  registry: Record<string, string>;
  /** Per-resource mappings (resource_registry.resources.<name>). */
  resourceRegistry: Record<string, Record<string, string>>;
}

/** Parses and merges environment texts; problems become diagnostics naming the file. */
export function loadEnvironments(envs: readonly { name: string; text: string }[], limits?: DocumentLimits): { env: Environment; diagnostics: Diagnostic[] } {
  const env: Environment = { parameters: {}, parameterDefaults: {}, registry: {}, resourceRegistry: {} };
  const diagnostics: Diagnostic[] = [];
  for (const file of envs) {
    const doc = parseTemplateDocument(file.text, file.name, limits);
    diagnostics.push(...doc.diagnostics);
    if (doc.diagnostics.length) continue;
    const data = doc.data ?? {};
    const fail = (message: string, path: (string | number)[]) =>
      diagnostics.push({ severity: "error", code: "environment.structure", message, path, range: doc.locate(path) });
    if (!isMapping(data)) {
      fail("The environment is not a valid YAML mapping data type.", []);
      continue;
    }
    for (const [section, value] of Object.entries(data)) {
      if (!SECTIONS.includes(section)) fail(`environment has wrong section "${section}"`, [section]);
      else if (value === null || value === undefined) fail(`environment has empty section "${section}"`, [section]);
      else if (section === "parameters" || section === "parameter_defaults") {
        if (!isMapping(value)) fail(`The "${section}" section of the environment must be a map`, [section]);
        else Object.assign(section === "parameters" ? env.parameters : env.parameterDefaults, value);
      } else if (section === "resource_registry") mergeRegistry(env, value, fail, dirOf(file.name));
    }
  }
  return { env, diagnostics };
}

/** The directory part of a file name ("files/a.env.yaml" -> "files/"). */
export function dirOf(name: string | undefined): string {
  return name && name.includes("/") ? name.slice(0, name.lastIndexOf("/") + 1) : "";
}

/** A provider template named in an environment is relative to that environment file, as the client resolves it. */
const relativeTo = (dir: string, target: string) =>
  isTemplateName(target) && dir && !/^[a-z]+:\/\//.test(target) && !target.startsWith("/") ? dir + target : target;

function mergeRegistry(env: Environment, value: unknown, fail: (m: string, p: (string | number)[]) => void, dir: string): void {
  if (!isMapping(value)) return fail("resource_registry must be a map", ["resource_registry"]);
  for (const [key, target] of Object.entries(value)) {
    if (key === "resources") {
      if (!isMapping(target)) return fail("resource_registry.resources must be a map", ["resource_registry", "resources"]);
      for (const [res, map] of Object.entries(target)) {
        if (!isMapping(map)) continue;
        const entries = (Object.entries(map).filter(([, v]) => typeof v === "string") as [string, string][]).map(
          ([k, v]) => [k, relativeTo(dir, v)] as const,
        );
        env.resourceRegistry[res] = { ...env.resourceRegistry[res], ...Object.fromEntries(entries) };
      }
    } else if (key === "base_url") {
      continue;
    } else if (typeof target === "string") env.registry[key] = relativeTo(dir, target);
    else if (target === null) delete env.registry[key];
    else fail(`The resource_registry entry "${key}" must name a type or a template`, ["resource_registry", key]);
  }
}

/** True for a type name that is a provider template file. */
export const isTemplateName = (name: string) => /\.(yaml|template|yml)$/.test(name);

/** Maps a type through the registry (per-resource first, then global, following alias chains). */
export function mapType(env: Environment, resource: string, type: string): string {
  const seen = new Set<string>();
  let current = type;
  const own = env.resourceRegistry[resource]?.[type];
  if (own) current = own;
  while (!seen.has(current)) {
    seen.add(current);
    // the stack's environments first, then Heat's global environment (the lowest layer)
    const inStack = env.registry[current] ?? wildcardTarget(env.registry, current);
    const next = inStack ?? GLOBAL_REGISTRY[current] ?? wildcardTarget(GLOBAL_REGISTRY, current);
    if (!next || next === current) break;
    current = next;
  }
  return current;
}

function wildcardTarget(registry: Record<string, string>, type: string): string | undefined {
  for (const [pattern, target] of Object.entries(registry)) {
    if (!pattern.endsWith("*")) continue;
    const prefix = pattern.slice(0, -1);
    if (type.startsWith(prefix)) return target.endsWith("*") ? target.slice(0, -1) + type.slice(prefix.length) : target;
  }
  return undefined;
}
