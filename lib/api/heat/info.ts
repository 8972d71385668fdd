/**
 * Heat's service-wide routes: resource_types (list, schema, generated template), template_versions
 * and their functions, build_info, and template validate. The registry and version tables of
 * lib/engine are the one source of truth for all of them.
 */
import { defaultRegistry, resourceTypeRefusal, resourceTypeSchema } from "../../engine/resources";
import { ValidationError } from "../../engine/diagnostics";
import { notFound } from "../../engine/errors";
import { listTemplateVersions, type ParameterDefinition } from "../../engine/template";
import { badRequest, boolParam, json, readJsonObject } from "../http";
import type { Route } from "../router";
import type { HeatContext } from "./context";
import { requireTemplate, stackInputOf } from "./stack-input";

/** The schema of a type, or Heat's refusal: 404 for an unknown type, 400 NotSupported for a HIDDEN one. */
function schemaOf(type: string) {
  const refusal = resourceTypeRefusal(type);
  if (refusal?.code === "NotSupported") throw badRequest(refusal.message, refusal.code);
  const schema = resourceTypeSchema(type);
  if (!schema) throw notFound(`The Resource Type (${type})`);
  return schema;
}

/** A provider template for a type (GET /resource_types/{type}/template): its properties as parameters, attributes as outputs. */
function typeTemplate(type: string, templateType: string): Record<string, unknown> {
  if (templateType !== "hot") throw badRequest(`Template type ${templateType} is not supported: Hearth generates HOT templates (template_type=hot).`);
  const schema = schemaOf(type);
  const parameters = Object.fromEntries(Object.entries(schema.properties).map(([name, p]) => [name, { type: p.type === "list" ? "comma_delimited_list" : p.type === "map" ? "json" : p.type, description: p.description }]));
  const properties = Object.fromEntries(Object.keys(schema.properties).map((name) => [name, { get_param: name }]));
  const outputs = Object.fromEntries(Object.entries(schema.attributes).map(([name, a]) => [name, { description: a.description, value: { get_attr: ["resource", name] } }]));
  return { heat_template_version: "2016-10-14", description: `Initial template of ${type}`, parameters, resources: { resource: { type, properties } }, outputs };
}

/** The service-wide routes. */
export const INFO_ROUTES: Route<HeatContext>[] = [
  {
    method: "GET",
    pattern: "resource_types",
    handle(ctx) {
      const name = ctx.query.get("name");
      const types = defaultRegistry.list().filter((p) => !name || p.type.includes(name));
      if (boolParam(ctx.query.get("with_description") ?? undefined, "with_description")) {
        return json({ resource_types: types.map((p) => ({ resource_type: p.type, description: schemaOf(p.type).description })) });
      }
      return json({ resource_types: types.map((p) => p.type) });
    },
  },
  { method: "GET", pattern: "resource_types/:type", handle: (_ctx, p) => json(schemaOf(p.type)) },
  { method: "GET", pattern: "resource_types/:type/template", handle: (ctx, p) => json(typeTemplate(p.type, ctx.query.get("template_type") ?? "hot")) },
  {
    method: "GET",
    pattern: "template_versions",
    handle: () => json({ template_versions: listTemplateVersions().map(({ version, type, aliases }) => ({ version, type, aliases })) }),
  },
  {
    method: "GET",
    pattern: "template_versions/:version/functions",
    handle(ctx, p) {
      const version = listTemplateVersions().find((v) => v.version === p.version);
      if (!version) throw notFound(`The Template version (${p.version})`);
      const conditions = boolParam(ctx.query.get("with_condition_func") ?? undefined, "with_condition_func");
      const names = conditions ? version.conditionFunctions : version.functions;
      return json({ template_functions: names.map((functions) => ({ functions, description: `HOT intrinsic function ${functions} (${p.version}).` })) });
    },
  },
  { method: "GET", pattern: "build_info", handle: () => json({ api: { revision: "hearth-0.1.0" }, engine: { revision: "hearth-0.1.0" } }) },
  {
    method: "POST",
    pattern: "validate",
    async handle(ctx) {
      const body = await readJsonObject(ctx.request);
      const input = requireTemplate(stackInputOf(body, "validate"));
      const result = await ctx.hearth.validate(input, { region: ctx.region });
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      // a request over a limit names the place too (line:column, path), as create answers it
      if (!result.valid && errors.length > 0 && errors.every((d) => d.code === "limit.exceeded")) throw new ValidationError(errors);
      if (!result.valid) throw badRequest(errors.map((d) => d.message).join("\n") || "Invalid template", "StackValidationFailed");
      const parameters = Object.fromEntries(Object.entries(result.parameters).map(([name, def]) => [name, parameterView(def)]));
      return json({ Description: result.description ?? "No description", Parameters: parameters, ...(result.parameterGroups.length ? { ParameterGroups: result.parameterGroups } : {}) });
    },
  },
];

const PARAM_TYPES: Record<ParameterDefinition["type"], string> = { string: "String", number: "Number", json: "Json", comma_delimited_list: "CommaDelimitedList", boolean: "Boolean" };

/** A parameter as Heat's validate shows it (CFN-style capitalized keys). */
function parameterView(def: ParameterDefinition): Record<string, unknown> {
  return {
    Type: PARAM_TYPES[def.type],
    Description: def.description ?? "",
    Label: def.label ?? def.name,
    NoEcho: String(def.hidden),
    ...(def.default !== undefined ? { Default: def.default } : {}),
  };
}
