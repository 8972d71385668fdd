/**
 * Provider templates (`type: ha_server.yaml`, or a registry alias mapped to a file; HOT or CFN): the
 * template text comes from the files map, is compiled itself (with a cycle guard), and its parameters
 * become the resource's property schema, its outputs the resource's attributes.
 */
import type { PropertySchema, PropertyType } from "../resources/types";
import { isMapping } from "../functions";
import { isCfnData, readCfn } from "./cfn";
import { parseTemplateDocument } from "./document";
import { constraintAppliesTo, constraintName } from "./constraints";
import { parseParameterSection, VALUE_KIND } from "./parameters";
import { lookupFile, report, type CompileState } from "./state";
import { findVersion } from "./versions";
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
  attributes: string[] | undefined;
  provider: NonNullable<CompiledResource["provider"]>;
}

/** Loads the provider template `file` used by resource `name`; strict mode compiles it whole. */
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
  const doc = parseTemplateDocument(text, file, state.options.limits);
  const source = isMapping(doc.data) ? doc.data : {};
  // a CFN provider is read as its HOT translation, as the compile pipeline reads a CFN stack
  const cfn = isCfnData(source) ? readCfn(doc, source) : undefined;
  const data = cfn && "doc" in cfn ? (cfn.doc.data as Record<string, unknown>) : source;
  const version = cfn ? ("version" in cfn ? cfn.version : undefined) : typeof data.heat_template_version === "string" ? findVersion(data.heat_template_version) : undefined;
  if (doc.diagnostics.length || !version) {
    const overLimit = doc.diagnostics.find((d) => d.code === "limit.exceeded");
    report(state, "error", overLimit ? overLimit.code : "template.structure", `${file}: ${overLimit?.message ?? (cfn && "error" in cfn ? cfn.error : "not a valid HOT template")}`, path);
    return undefined;
  }
  // Heat's template validate reads only the provider's parameters; stack create validates it whole.
  if (state.options.mode === "strict") {
    const result = state.compileChild({ template: text, templateName: file, files: state.files }, [...state.ancestry, file]);
    for (const d of result.diagnostics.filter((x) => x.severity === "error")) {
      state.diagnostics.push({ ...d, message: `${file}: ${d.message}`, path: [...path, ...d.path] });
    }
  }
  // Template validate does not check the provider's parameter schemas either (strict mode did, above).
  const { definitions } = parseParameterSection(data.parameters, version);
  const propertySchema: Record<string, PropertySchema> = {};
  for (const def of definitions) {
    // As a property schema, a constraint must still fit its type (Heat checks this at template validate).
    const misfit = def.constraints.find((c) => !constraintAppliesTo(c, VALUE_KIND[def.type]));
    if (misfit) {
      const typeName = PROPERTY_TYPE[def.type][0].toUpperCase() + PROPERTY_TYPE[def.type].slice(1);
      report(state, "error", "parameter.schema", `${file}: ${constraintName(misfit)} constraint invalid for ${typeName}`, path);
    }
    propertySchema[def.name] = {
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
    // Heat does not check attribute names of provider resources before they exist.
    attributes: undefined,
    provider: { templateName: file, template: text },
  };
}
