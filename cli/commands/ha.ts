/**
 * `hearth stack failover <stack> <group-or-policy>` (a FailoverPolicy fails over now; for a group, the
 * FailoverPolicy watching it does, else the group replaces its failed or oldest member) and
 * `hearth stack signal-url <stack> <policy> [--alarm]` (prints a ScalingPolicy's pre-signed URL).
 */
import { EngineError } from "../../lib/engine/errors";
import type { Hearth } from "../../lib/services/types";
import { FORMAT_OPTION, type Command } from "../context";
import { formatShow, parseFormat } from "../format";

/** The resource to signal for a failover of `name`, and what to send it. */
async function failoverTarget(hearth: Hearth, stack: string, name: string, reason: string): Promise<{ resource: string; details: unknown }> {
  const { resources } = await hearth.getStack(stack);
  const rec = resources.find((r) => r.name === name);
  if (!rec) throw new EngineError("NotFound", `Resource ${name} of stack ${stack} not found`);
  if (rec.type === "OS::Heat::FailoverPolicy") return { resource: name, details: { reason, force: true } };
  if (rec.type !== "OS::Heat::AutoScalingGroup") {
    throw new EngineError("BadRequest", `${name} is a ${rec.type}: name an OS::Heat::FailoverPolicy or OS::Heat::AutoScalingGroup`);
  }
  // loaded here, not at the CLI's start: it reads the resource registry (Heat's catalogue)
  const { watchingPolicy } = await import("../../lib/services/ha/watching-policy");
  const policy = watchingPolicy(rec, resources);
  return policy ? { resource: policy.name, details: { reason, force: true } } : { resource: name, details: { replace: true, reason } };
}

const failover: Command = {
  path: ["stack", "failover"],
  summary: "Fail over an HA group now (or replace a plain group's failed, else oldest, member)",
  spec: {
    usage: "hearth stack failover <stack> <failover-policy-or-group> [--reason <text>] [-f table|json|value]",
    options: { ...FORMAT_OPTION, reason: { type: "string" } },
    positionals: ["stack", "resource"],
  },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const hearth = await ctx.open();
    const stack = args.arg("stack");
    const { resource, details } = await failoverTarget(hearth, stack, args.arg("resource"), args.string("reason") ?? "requested from the CLI");
    await hearth.signal(stack, resource, details);
    const { attributes } = await hearth.getResource(stack, resource);
    const last = attributes.last_failover as { from?: string; to: string; duration_ms: number; steps: { step: string; ms: number; detail: string }[] } | null | undefined;
    if (!last) {
      ctx.print(`Signalled ${resource}.`);
      return;
    }
    const columns = ["resource", "from", "to", "active_member", "duration_ms", ...last.steps.map((s) => `step ${s.step}`)];
    const values = [resource, last.from ?? "", last.to, attributes.active_member, last.duration_ms, ...last.steps.map((s) => `${s.ms} ms: ${s.detail}`)];
    ctx.print(formatShow(columns, values, format));
  },
};

const signalUrl: Command = {
  path: ["stack", "signal-url"],
  summary: "Print a ScalingPolicy's pre-signed signal URL (alarm_url with --alarm)",
  spec: { usage: "hearth stack signal-url <stack> <policy> [--alarm]", options: { alarm: { type: "boolean" } }, positionals: ["stack", "resource"] },
  async run(args, ctx) {
    const { resource, attributes } = await (await ctx.open()).getResource(args.arg("stack"), args.arg("resource"));
    const key = args.flag("alarm") ? "alarm_url" : "signal_url";
    const url = attributes[key];
    if (typeof url !== "string") throw new EngineError("BadRequest", `${resource.name} (${resource.type}) has no ${key}`);
    ctx.print(url);
  },
};

/** The HA commands. */
export const haCommands: Command[] = [failover, signalUrl];
