/**
 * Provider templates (`type: ha_server.yaml`, or a registry alias mapped to a file): the template
 * text comes from the files map, is compiled itself (with a cycle guard), and its parameters
 * become the resource's property schema, its outputs the resource's attributes.
 */
import type { PropertySchema, PropertyType } from "../resources/types";
import { lookupFile, report, type CompileState } from "./state";
import type { CompiledResource, ParameterType } from "./types";

const PROPERTY_TYPE: Record<ParameterType, PropertyType> = {
  string: "string",
  number: "number",
  json: "map",
  comma_delimited_list: "list",
  boolean: "boolean",
};

/** What a provider template contributes to the resource that uses it. */
export interface ProviderInfo {
  propertySchema: Record<string, PropertySchema>;
  attributes: string[];
  provider: NonNullable<CompiledResource["provider"]>;
}

/** Loads and compiles the provider template `file` used by resource `name`. */
export function compileProvider(state: CompileState, name: string, file: string): ProviderInfo | undefined {
  const path = ["resources", name, "type"];
  if (state.ancestry.includes(file)) {
    const chain = [...state.ancestry, file].join(" -> ");
    report(state, "error", "dependency.cycle", `Provider template ${file} includes itself: ${chain}`, path);
    return undefined;
  }
  const text = lookupFile(state, file);
  if (text === undefined) {
    report(state, "error", "reference.file", `Could not fetch remote template "${file}": it is not in the files map`, path);
    return undefined;
  }
  const result = state.compileChild({ template: text, templateName: file, files: state.files }, [...state.ancestry, file]);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  for (const d of errors) {
    state.diagnostics.push({ ...d, message: `${file}: ${d.message}`, path: [...path, ...d.path] });
  }
  if (!result.stack) return undefined;
  const propertySchema: Record<string, PropertySchema> = {};
  for (const [pname, p] of Object.entries(result.stack.parameters)) {
    const def = p.definition;
    propertySchema[pname] = {
      type: PROPERTY_TYPE[def.type],
      description: def.description,
      required: def.default === undefined,
      default: def.default,
      constraints: def.constraints,
      updateAllowed: true,
      immutable: def.immutable,
    };
  }
  return {
    propertySchema,
    attributes: [...Object.keys(result.stack.outputs), "OS::stack_id"],
    provider: { templateName: file, template: text },
  };
}
