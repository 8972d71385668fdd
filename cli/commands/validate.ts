/**
 * `hearth validate -t FILE [-e ENV]... [--parameter K=V]...` (openstack orchestration template
 * validate): prints Heat's validate answer (Description, Parameters, ParameterGroups) as YAML or
 * JSON; on errors prints one line per diagnostic (file:line:column, message, path) and exits 1.
 */
import { stringify } from "yaml";
import { formatDiagnostic } from "../../lib/engine/diagnostics";
import type { ParameterDefinition, ParameterType } from "../../lib/engine/template/types";
import { UsageError } from "../args";
import { FORMAT_OPTION, type Command } from "../context";
import { parseFormat } from "../format";
import { buildStackInput } from "../template-files";

/** Heat's names of parameter types in validate answers. */
const TYPE_NAMES: Record<ParameterType, string> = {
  string: "String",
  number: "Number",
  json: "Json",
  comma_delimited_list: "CommaDelimitedList",
  boolean: "Boolean",
};

/** One parameter as Heat's validate shows it. */
function parameterView(p: ParameterDefinition): Record<string, unknown> {
  return {
    Type: TYPE_NAMES[p.type],
    Description: p.description ?? "",
    ...(p.default !== undefined ? { Default: p.default } : {}),
    Label: p.label ?? p.name,
    NoEcho: p.hidden ? "true" : "false",
  };
}

/** The validate command. */
export const validateCommand: Command = {
  path: ["validate"],
  summary: "Validate a template",
  spec: {
    usage: "hearth validate -t <template> [-e <environment>]... [--parameter <key=value>]... [--region <region>] [-f yaml|json]",
    options: { ...FORMAT_OPTION, template: { type: "string", short: "t" }, environment: { type: "list", short: "e" }, parameter: { type: "list" }, region: { type: "string" } },
    positionals: [],
  },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["yaml", "json"], "yaml");
    if (!args.string("template")) throw new UsageError("the following arguments are required: -t/--template");
    const input = buildStackInput({ template: args.string("template"), environments: args.list("environment"), parameters: args.list("parameter") }, ctx.io.cwd);
    const validator = ctx.io.openValidator ? await ctx.io.openValidator() : await ctx.open();
    const result = await validator.validate(input, { region: args.string("region") });
    for (const d of result.diagnostics.filter((d) => d.severity === "warning")) ctx.warn(formatDiagnostic(d));
    if (!result.valid) {
      for (const d of result.diagnostics.filter((d) => d.severity === "error")) ctx.warn(formatDiagnostic(d));
      return 1;
    }
    const answer = {
      Description: result.description ?? "No description",
      Parameters: Object.fromEntries(Object.entries(result.parameters).map(([name, p]) => [name, parameterView(p)])),
      ...(result.parameterGroups.length ? { ParameterGroups: result.parameterGroups } : {}),
    };
    ctx.print(format === "json" ? JSON.stringify(answer, null, 2) : stringify(answer).trimEnd());
    return 0;
  },
};
