/**
 * `hearth stack resource resolve <stack> <resource> --adopt | --reapply | --detach`: resolves a diverged
 * remote child of a parent in this region (lib/federation/resolve.ts), as POST .../resources/{r}/resolve.
 */
import { RESOLUTIONS, type Resolution } from "../../lib/federation/resolve";
import { UsageError } from "../args";
import type { Command } from "../context";

const resolveCommand: Command = {
  path: ["stack", "resource", "resolve"],
  summary: "Resolve a diverged remote child: adopt its definition, re-apply the parent's, or detach it",
  spec: {
    usage: "hearth stack resource resolve <stack> <resource> --adopt | --reapply | --detach",
    options: Object.fromEntries(RESOLUTIONS.map((r) => [r, { type: "boolean" as const }])),
    positionals: ["stack", "resource"],
  },
  async run(args, ctx) {
    const chosen: Resolution[] = RESOLUTIONS.filter((r) => args.flag(r));
    if (chosen.length !== 1) throw new UsageError(`choose exactly one of ${RESOLUTIONS.map((r) => `--${r}`).join(", ")}`);
    await (await ctx.open()).resolveDivergence(args.arg("stack"), args.arg("resource"), chosen[0]);
    ctx.print(`Resource ${args.arg("resource")} of stack ${args.arg("stack")} resolved by ${chosen[0]}.`);
  },
};

/** The resolution command. */
export const resolveCommands: Command[] = [resolveCommand];
