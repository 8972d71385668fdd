/**
 * `hearth stack abandon | adopt`, as `openstack stack abandon` / `stack adopt`: abandon prints (or
 * writes to --output-file) a stack's abandon data and forgets the stack, leaving its cloud resources
 * in place; adopt creates a stack from such data that takes those resources over (ADOPT_COMPLETE).
 */
import fs from "node:fs";
import path from "node:path";
import type { AbandonData } from "../../lib/engine/stack/abandon";
import { UsageError } from "../args";
import { FORMAT_OPTION, type Command } from "../context";
import { finish, minutes } from "./stack";

const abandon: Command = {
  path: ["stack", "abandon"],
  summary: "Abandon a stack: forget it, keep its cloud resources, output its abandon data",
  spec: { usage: "hearth stack abandon <stack> [--output-file <file>]", options: { "output-file": { type: "string" } }, positionals: ["stack"] },
  async run(args, ctx) {
    const text = JSON.stringify(await (await ctx.open()).abandon(args.arg("stack")), null, 2);
    const file = args.string("output-file");
    if (file) fs.writeFileSync(path.resolve(ctx.io.cwd, file), `${text}\n`);
    else ctx.print(text);
  },
};

/** The abandon data in a file (JSON, as abandon writes it). */
function readAdoptFile(cwd: string, file: string): AbandonData {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(path.resolve(cwd, file), "utf8"));
  } catch (error) {
    throw new UsageError(`Cannot read the adopt file ${file}: ${(error as Error).message}`);
  }
  const resources = (data as { resources?: unknown } | null)?.resources;
  if (!resources || typeof resources !== "object") throw new UsageError(`The adopt file ${file} is not abandon data: it has no "resources".`);
  return data as AbandonData;
}

const adopt: Command = {
  path: ["stack", "adopt"],
  summary: "Adopt a stack: take over the cloud resources named in abandon data",
  spec: {
    usage: "hearth stack adopt <stack-name> --adopt-file <file> [--wait] [--enable-rollback] [--timeout <minutes>] [-f table|json|value]",
    options: { ...FORMAT_OPTION, "adopt-file": { type: "string" }, wait: { type: "boolean" }, "enable-rollback": { type: "boolean" }, timeout: { type: "string" } },
    positionals: ["stack-name"],
  },
  async run(args, ctx) {
    const file = args.string("adopt-file");
    if (!file) throw new UsageError("the following arguments are required: --adopt-file");
    const data = readAdoptFile(ctx.io.cwd, file);
    const options = { adoptData: data, enableRollback: args.flag("enable-rollback"), timeoutMins: minutes(args.string("timeout")) };
    const { adoptInput } = await import("../../lib/engine/stack/adopt");
    const handle = ctx.track(await (await ctx.open()).create(args.arg("stack-name"), adoptInput(data), options));
    return finish(ctx, args, handle, 0);
  },
};

/** The abandon and adopt commands. */
export const abandonCommands: Command[] = [abandon, adopt];
