/**
 * The demo stack created on an empty database at server start (instrumentation.ts): the
 * multi-region example (network, subnet, server, volume and attachment in RegionOne, a standby part
 * in RegionTwo), so the console has something to show. HEARTH_DEMO=0 turns it off.
 */
import fs from "node:fs";
import path from "node:path";
import type { OperationHandle } from "../engine/stack/api";
import type { Hearth } from "./types";

/** The demo's template file, relative to the project root. */
export const DEMO_TEMPLATE = path.join("examples", "multi-region-demo.yaml");

/** Name of the demo stack. */
export const DEMO_STACK_NAME = "demo";

/**
 * Starts creating the demo stack when there is no stack at all (nested ones included) and
 * `env.HEARTH_DEMO` is not "0"; returns the operation, or undefined when nothing was started.
 */
export async function createDemoIfEmpty(hearth: Hearth, root: string, env: Record<string, string | undefined> = process.env): Promise<OperationHandle | undefined> {
  if (env.HEARTH_DEMO === "0") return undefined;
  if ((await hearth.listStacks({ includeNested: true })).length > 0) return undefined;
  const file = path.join(root, DEMO_TEMPLATE);
  const template = fs.readFileSync(file, "utf8");
  return hearth.create(DEMO_STACK_NAME, { template, templateName: path.basename(file) }, { region: "RegionOne" });
}
