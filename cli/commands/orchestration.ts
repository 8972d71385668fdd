/**
 * `hearth orchestration resource type list|show` and `hearth orchestration template version list` /
 * `template function list`, as `openstack orchestration ...` prints them. They read the engine's
 * registry and function tables directly: no database, no cloud. The registry (Heat's catalogue) and
 * the template modules load when one of these runs, not at every start of the CLI (`--help` included).
 */
import { UsageError } from "../args";
import { FORMAT_OPTION, type Command } from "../context";
import { formatList, parseFormat } from "../format";

const typeList: Command = {
  path: ["orchestration", "resource", "type", "list"],
  summary: "List resource types (optionally only names containing --filter name=<text>)",
  spec: { usage: "hearth orchestration resource type list [--filter name=<text>] [-f table|json|value]", options: { ...FORMAT_OPTION, filter: { type: "string" } }, positionals: [] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const filter = args.string("filter");
    if (filter !== undefined && !filter.startsWith("name=")) throw new UsageError(`--filter takes name=<text>, not "${filter}"`);
    const text = filter?.slice("name=".length).toLowerCase() ?? "";
    const { defaultRegistry } = await import("../../lib/engine/resources");
    const types = defaultRegistry.list().map((p) => p.type).filter((t) => t.toLowerCase().includes(text)).sort();
    ctx.print(formatList(["Resource Type"], types.map((t) => [t]), format));
  },
};

const typeShow: Command = {
  path: ["orchestration", "resource", "type", "show"],
  summary: "Show a resource type's schema (properties, attributes, support status)",
  spec: { usage: "hearth orchestration resource type show <type> [-f yaml|json]", options: FORMAT_OPTION, positionals: ["type"] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["yaml", "json"], "yaml");
    const [{ resourceTypeRefusal, resourceTypeSchema }, { stringify }] = await Promise.all([import("../../lib/engine/resources"), import("yaml")]);
    const refusal = resourceTypeRefusal(args.arg("type"));
    const schema = resourceTypeSchema(args.arg("type"));
    if (refusal || !schema) {
      ctx.warn(`ERROR: ${refusal?.message ?? `The Resource Type (${args.arg("type")}) could not be found.`}`);
      return 1;
    }
    ctx.print(format === "json" ? JSON.stringify(schema, null, 2) : stringify(schema).trimEnd());
    return 0;
  },
};

const versionList: Command = {
  path: ["orchestration", "template", "version", "list"],
  summary: "List the template versions Hearth understands",
  spec: { usage: "hearth orchestration template version list [-f table|json|value]", options: FORMAT_OPTION, positionals: [] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const { listTemplateVersions } = await import("../../lib/engine/template");
    const rows = listTemplateVersions().map((v) => [v.version, v.type, v.aliases.join(", ")]);
    ctx.print(formatList(["Version", "Type", "Aliases"], rows, format));
  },
};

const functionList: Command = {
  path: ["orchestration", "template", "function", "list"],
  summary: "List the intrinsic functions of a template version (--condition: condition functions)",
  spec: { usage: "hearth orchestration template function list <version> [--condition] [-f table|json|value]", options: { ...FORMAT_OPTION, condition: { type: "boolean" } }, positionals: ["version"] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const wanted = args.arg("version");
    const { listTemplateVersions } = await import("../../lib/engine/template");
    const version = listTemplateVersions().find((v) => v.version === wanted || v.version === `heat_template_version.${wanted}` || v.aliases.includes(wanted));
    if (!version) {
      ctx.warn(`ERROR: No template version "${wanted}"; see \`hearth orchestration template version list\`.`);
      return 1;
    }
    const names = args.flag("condition") ? version.conditionFunctions : version.functions;
    ctx.print(formatList(["Functions"], names.map((n) => [n]), format));
    return 0;
  },
};

/** Read-only commands about what the engine understands. */
export const orchestrationCommands: readonly Command[] = [typeList, typeShow, versionList, functionList];
