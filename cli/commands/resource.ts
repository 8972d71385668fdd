/**
 * `hearth stack resource list|show|signal|mark-unhealthy`, `hearth stack event list` and
 * `hearth stack output list|show`, mirroring python-heatclient's osc/v1 resource, event and output
 * commands.
 */
import fs from "node:fs";
import path from "node:path";
import { EngineError } from "../../lib/engine/errors";
import { UsageError } from "../args";
import { FORMAT_OPTION, type Command } from "../context";
import { formatList, formatShow, parseFormat } from "../format";
import { eventLogLine, eventRows, outputDicts, resourceFields, resourceRows } from "../views";

const resourceList: Command = {
  path: ["stack", "resource", "list"],
  summary: "List resources of a stack",
  spec: { usage: "hearth stack resource list <stack> [-f table|json|value]", options: FORMAT_OPTION, positionals: ["stack"] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const { resources } = await (await ctx.open()).getStack(args.arg("stack"));
    const { columns, rows } = resourceRows(resources);
    ctx.print(formatList(columns, rows, format));
  },
};

const resourceShow: Command = {
  path: ["stack", "resource", "show"],
  summary: "Show a resource's details",
  spec: { usage: "hearth stack resource show <stack> <resource> [-f table|json|value]", options: FORMAT_OPTION, positionals: ["stack", "resource"] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const hearth = await ctx.open();
    const { stack } = await hearth.getStack(args.arg("stack"));
    const { resource, attributes, attributeErrors } = await hearth.getResource(stack.id, args.arg("resource"));
    const { columns, values } = resourceFields(stack, resource, attributes, attributeErrors);
    ctx.print(formatShow(columns, values, format));
  },
};

const resourceSignal: Command = {
  path: ["stack", "resource", "signal"],
  summary: "Signal a resource with optional data",
  spec: {
    usage: "hearth stack resource signal <stack> <resource> [--data <json>] [--data-file <file>]",
    options: { data: { type: "string" }, "data-file": { type: "string" } },
    positionals: ["stack", "resource"],
  },
  async run(args, ctx) {
    const data = args.string("data");
    const dataFile = args.string("data-file");
    if (data !== undefined && dataFile !== undefined) throw new UsageError("Should only specify one of data or data-file");
    const text = dataFile !== undefined ? fs.readFileSync(path.resolve(ctx.io.cwd, dataFile), "utf8") : data;
    let details: unknown = undefined;
    if (text !== undefined) {
      try {
        details = JSON.parse(text);
      } catch (error) {
        throw new EngineError("BadRequest", `Data should be in JSON format: ${(error as Error).message}`);
      }
    }
    await (await ctx.open()).signal(args.arg("stack"), args.arg("resource"), details);
  },
};

const markUnhealthy: Command = {
  path: ["stack", "resource", "mark-unhealthy"],
  summary: "Set a resource's health (the next update replaces an unhealthy resource)",
  spec: { usage: "hearth stack resource mark-unhealthy <stack> <resource> [<reason>] [--reset]", options: { reset: { type: "boolean" } }, positionals: ["stack", "resource", "reason?"] },
  async run(args, ctx) {
    await (await ctx.open()).markUnhealthy(args.arg("stack"), args.arg("resource"), !args.flag("reset"), args.positionals.reason ?? "");
  },
};

const eventList: Command = {
  path: ["stack", "event", "list"],
  summary: "List events of a stack (log lines by default, as the openstack client)",
  spec: {
    usage: "hearth stack event list <stack> [--resource <name>] [--limit <n>] [-f log|table|json|value]",
    options: { ...FORMAT_OPTION, resource: { type: "string" }, limit: { type: "string" } },
    positionals: ["stack"],
  },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["log", "table", "json", "value"], "log");
    const limitText = args.string("limit");
    const limit = limitText === undefined ? undefined : Number(limitText);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError(`--limit must be a positive whole number, not "${limitText}"`);
    const events = await (await ctx.open()).listEvents(args.arg("stack"), { resource: args.string("resource"), limit });
    if (format === "log") return ctx.print(events.map(eventLogLine).join("\n"));
    const { columns, rows } = eventRows(events);
    ctx.print(formatList(columns, rows, format));
  },
};

const outputList: Command = {
  path: ["stack", "output", "list"],
  summary: "List the outputs of a stack",
  spec: { usage: "hearth stack output list <stack> [-f table|json|value]", options: FORMAT_OPTION, positionals: ["stack"] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const outputs = await (await ctx.open()).outputs(args.arg("stack"), { resolve: false });
    ctx.print(formatList(["output_key", "description"], outputDicts(outputs).map((o) => [o.output_key, o.description]), format));
  },
};

const outputShow: Command = {
  path: ["stack", "output", "show"],
  summary: "Show one output of a stack, or all with --all",
  spec: { usage: "hearth stack output show <stack> (<output> | --all) [-f table|json|value]", options: { ...FORMAT_OPTION, all: { type: "boolean" } }, positionals: ["stack", "output?"] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const key = args.positionals.output;
    if (!args.flag("all") && key === undefined) throw new UsageError("Either <OUTPUT NAME> or --all must be specified.");
    if (args.flag("all") && key !== undefined) throw new UsageError("Cannot specify both <OUTPUT NAME> and --all.");
    const outputs = outputDicts(await (await ctx.open()).outputs(args.arg("stack"), key === undefined ? {} : { key }));
    if (args.flag("all")) return ctx.print(formatShow(outputs.map((o) => String(o.output_key)), outputs, format));
    const output = outputs.find((o) => o.output_key === key);
    if (!output) throw new EngineError("NotFound", `Stack ${args.arg("stack")} or output ${key} not found.`);
    if (output.output_error !== undefined) throw new EngineError("BadRequest", `Output error: ${String(output.output_error)}`);
    const columns = Object.keys(output).sort();
    ctx.print(formatShow(columns, columns.map((c) => output[c]), format));
  },
};

/** Resource, event and output commands. */
export const resourceCommands: Command[] = [resourceList, resourceShow, resourceSignal, markUnhealthy, eventList, outputList, outputShow];
