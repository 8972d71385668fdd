/**
 * `hearth stack create | update | delete | list | show | check | suspend | resume | cancel`,
 * mirroring `openstack stack ...` (python-heatclient's osc/v1/stack.py): same options, columns and
 * --wait behaviour (event log lines, non-zero exit when the stack ends FAILED).
 */
import type { OperationHandle } from "../../lib/engine/stack/api";
import type { OwnerOverride } from "../../lib/federation/ownership";
import type { Hearth } from "../../lib/services/types";
import { UsageError, type ParsedArgs } from "../args";
import { FORMAT_OPTION, type CliContext, type Command } from "../context";
import { formatList, formatShow, parseFormat } from "../format";
import { buildStackInput } from "../template-files";
import { stackFields, stackRow, stackRows } from "../views";
import { lastSeq, waitForOperation } from "../wait";

/** --override-owner: change a stack that has an owner (a parent in another region) directly. */
const OWNER_OPTION = { "override-owner": { type: "boolean" as const } };

const INPUT_OPTIONS = {
  template: { type: "string" as const, short: "t" },
  environment: { type: "list" as const, short: "e" },
  parameter: { type: "list" as const },
};

/** Reads --timeout as a number of minutes; the engine checks its range (checkTimeout), as for the API. */
export function minutes(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** Prints the stack (short form, as create/update do), after following the operation if --wait. */
export async function finish(ctx: CliContext, args: ParsedArgs, handle: OperationHandle, afterSeq: number): Promise<number> {
  const hearth = await ctx.open();
  const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
  if (args.flag("wait")) {
    const result = await waitForOperation(ctx, afterSeq, handle);
    if (result.failed) {
      ctx.warn(result.message);
      return 1;
    }
  }
  const stack = await hearth.findStack(handle.stackId);
  const { columns, values } = stackFields(stack);
  ctx.print(formatShow(columns, values, format));
  return 0;
}

const create: Command = {
  path: ["stack", "create"],
  summary: "Create a stack",
  spec: {
    usage: "hearth stack create <stack-name> -t <template> [-e <environment>]... [--parameter <key=value>]... [--wait] [--enable-rollback] [--timeout <minutes>] [--tags <t1,t2>] [--region <region>]",
    options: { ...INPUT_OPTIONS, ...FORMAT_OPTION, wait: { type: "boolean" }, "enable-rollback": { type: "boolean" }, timeout: { type: "string" }, tags: { type: "string" }, region: { type: "string" } },
    positionals: ["stack-name"],
  },
  async run(args, ctx) {
    if (!args.string("template")) throw new UsageError("the following arguments are required: -t/--template");
    const input = buildStackInput({ template: args.string("template"), environments: args.list("environment"), parameters: args.list("parameter") }, ctx.io.cwd);
    const handle = ctx.track(await (await ctx.open()).create(args.arg("stack-name"), input, {
      enableRollback: args.flag("enable-rollback"),
      timeoutMins: minutes(args.string("timeout")),
      tags: args.string("tags")?.split(",").filter(Boolean),
      region: args.string("region"),
    }));
    return finish(ctx, args, handle, 0);
  },
};

const update: Command = {
  path: ["stack", "update"],
  summary: "Update a stack",
  spec: {
    usage: "hearth stack update <stack> [-t <template>] [-e <environment>]... [--parameter <key=value>]... [--existing] [--wait] [--rollback enabled|disabled] [--timeout <minutes>] [--override-owner]",
    options: { ...INPUT_OPTIONS, ...FORMAT_OPTION, ...OWNER_OPTION, existing: { type: "boolean" }, wait: { type: "boolean" }, rollback: { type: "string" }, timeout: { type: "string" } },
    positionals: ["stack"],
  },
  async run(args, ctx) {
    const existing = args.flag("existing");
    if (!args.string("template") && !existing) throw new UsageError("the following arguments are required: -t/--template (or --existing)");
    const { template, templateName, ...rest } = buildStackInput({ template: args.string("template"), environments: args.list("environment"), parameters: args.list("parameter") }, ctx.io.cwd);
    const input = args.string("template") ? { template, templateName, ...rest } : rest;
    const rollback = args.string("rollback");
    if (rollback !== undefined && rollback !== "enabled" && rollback !== "disabled") throw new UsageError(`--rollback must be "enabled" or "disabled", not "${rollback}"`);
    const afterSeq = await lastSeq(ctx, args.arg("stack"));
    const handle = ctx.track(await (await ctx.open()).update(args.arg("stack"), input, {
      existing,
      enableRollback: rollback === undefined ? undefined : rollback === "enabled",
      timeoutMins: minutes(args.string("timeout")),
      overrideOwner: args.flag("override-owner"),
    }));
    return finish(ctx, args, handle, afterSeq);
  },
};

const remove: Command = {
  path: ["stack", "delete"],
  summary: "Delete stack(s)",
  spec: { usage: "hearth stack delete <stack> [--wait] [-y] [--override-owner]", options: { ...OWNER_OPTION, wait: { type: "boolean" }, yes: { type: "boolean", short: "y" } }, positionals: ["stack"] },
  async run(args, ctx) {
    const ref = args.arg("stack");
    if (!args.flag("yes") && ctx.io.confirm && !(await ctx.io.confirm("Are you sure you want to delete this stack(s) [y/N]? "))) {
      ctx.warn("User did not confirm stack delete so taking no action.");
      return 0;
    }
    const afterSeq = await lastSeq(ctx, ref);
    const handle = ctx.track(await (await ctx.open()).delete(ref, { overrideOwner: args.flag("override-owner") }));
    if (!args.flag("wait")) return 0;
    const result = await waitForOperation(ctx, afterSeq, handle);
    if (result.failed) {
      ctx.warn(`Unable to delete 1 of the 1 stacks.${result.message}`);
      return 1;
    }
    return 0;
  },
};

const list: Command = {
  path: ["stack", "list"],
  summary: "List stacks",
  spec: { usage: "hearth stack list [--nested] [-f table|json|value]", options: { ...FORMAT_OPTION, nested: { type: "boolean" } }, positionals: [] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const nested = args.flag("nested");
    const { columns, rows } = stackRows(await (await ctx.open()).listStacks({ includeNested: nested }), nested);
    ctx.print(formatList(columns, rows, format));
  },
};

const show: Command = {
  path: ["stack", "show"],
  summary: "Show stack details",
  spec: { usage: "hearth stack show <stack> [-f table|json|value]", options: FORMAT_OPTION, positionals: ["stack"] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const hearth = await ctx.open();
    const { stack } = await hearth.getStack(args.arg("stack"));
    const { columns, values } = stackFields(stack, { outputs: await hearth.outputs(stack.id) });
    ctx.print(formatShow(columns, values, format));
  },
};

/** check / suspend / resume / cancel: start the action, optionally wait, print the stack row. */
function stackAction(name: "check" | "suspend" | "resume" | "cancel", summary: string, start: (h: Hearth, ref: string, override: OwnerOverride) => Promise<OperationHandle | void>): Command {
  const owned = name !== "check";
  return {
    path: ["stack", name],
    summary,
    spec: {
      usage: `hearth stack ${name} <stack> [--wait] [-f table|json|value]${owned ? " [--override-owner]" : ""}`,
      options: { ...FORMAT_OPTION, ...(owned ? OWNER_OPTION : {}), wait: { type: "boolean" } },
      positionals: ["stack"],
    },
    async run(args, ctx) {
      const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
      const hearth = await ctx.open();
      const { stack } = await hearth.getStack(args.arg("stack"));
      const afterSeq = await lastSeq(ctx, stack.id);
      const started = await start(hearth, stack.id, { overrideOwner: owned && args.flag("override-owner") });
      const handle = started ? ctx.track(started) : undefined;
      if (handle && args.flag("wait")) {
        const result = await waitForOperation(ctx, afterSeq, handle);
        if (result.failed) {
          ctx.warn(result.message);
          return 1;
        }
      }
      const { columns, rows } = stackRows([stackRow((await hearth.getStack(stack.id)).stack)]);
      ctx.print(formatList(columns, rows, format));
    },
  };
}

/** Every stack command. */
export const stackCommands: Command[] = [
  create,
  update,
  remove,
  list,
  show,
  stackAction("check", "Check a stack", (h, ref) => h.check(ref)),
  stackAction("suspend", "Suspend a stack", (h, ref, override) => h.suspend(ref, override)),
  stackAction("resume", "Resume a stack", (h, ref, override) => h.resume(ref, override)),
  stackAction("cancel", "Cancel the current create or update of a stack", (h, ref, override) => h.cancel(ref, override)),
];
