/**
 * What every software deployment does for one server, shared by OS::Heat::SoftwareDeployment,
 * StructuredDeployment and the deployment groups (one "member" per server): start a lifecycle
 * action with the deployment data Heat derives (config, inputs, outputs), wait for the server's
 * signal (the simulated agent sends it from a server that runs one: software-agent.ts), and apply the
 * signal as Heat's signal_software_deployment does. A member's state lives in the resource data
 * under its scope: action, status, status_reason, output_values, deployment.
 */
import { optList, optMap, optString } from "../support/props";
import { randomUuid } from "../support/naming";
import type { ResourceContext, ResourceHandlers } from "../types";
import { deploymentInputs, runDeployment, serverRunsAgent, type DeploymentData, type DeploymentInput } from "./software-agent";
import { readStoredConfig, type StoredConfig } from "./software-config";

const STANDARD_OUTPUTS = ["deploy_stdout", "deploy_stderr", "deploy_status_code"];

/** Where one member's state is kept: the resource data itself, or keys prefixed for a group member. */
export interface MemberScope {
  get(key: string): string | undefined;
  set(key: string, value: string | undefined): void;
}

/** The scope of a single deployment (its own data keys). */
export function ownScope(ctx: ResourceContext): MemberScope {
  return { get: (k) => ctx.data[k], set: (k, v) => ctx.setData(k, v) };
}

/** The scope of a group's member `key`. */
export function memberScope(ctx: ResourceContext, key: string): MemberScope {
  const at = (k: string) => `member.${key}.${k}`;
  return { get: (k) => ctx.data[at(k)], set: (k, v) => ctx.setData(at(k), v) };
}

/** How a deployment kind turns its config into what the server receives (StructuredDeployment substitutes inputs). */
export type DeriveConfig = (config: unknown, inputs: DeploymentInput[], props: Record<string, unknown>) => unknown;

/** The token of a started action: whether a signal is awaited, and from which server. */
export interface ActionToken {
  waiting: boolean;
  server: string;
}

/** The definition a config resource stored, found by its id; SoftwareComponent gives the config of `action`. */
async function configFor(ctx: ResourceContext, ref: string | undefined, action: string): Promise<StoredConfig | undefined> {
  const peer = ref && ctx.peer ? await ctx.peer(ref) : undefined;
  const stored = peer ? readStoredConfig(peer.data) : undefined;
  if (stored?.group !== "component") return stored;
  const parts = Array.isArray(stored.config) ? (stored.config as Record<string, unknown>[]) : [];
  const part = parts.find((c) => Array.isArray(c.actions) && c.actions.includes(action));
  return { ...stored, group: String(part?.tool ?? "script"), config: part?.config ?? "" };
}

/** Starts `action` for a member when its deployment runs for that action; undefined when it does not. */
export async function startAction(
  ctx: ResourceContext,
  scope: MemberScope,
  action: string,
  props: Record<string, unknown>,
  server: string,
  derive: DeriveConfig = (c) => c,
): Promise<ActionToken | undefined> {
  if (!optList<string>(props, "actions").includes(action)) return undefined;
  const id = scope.get("id") ?? ctx.physicalId ?? randomUuid(ctx);
  scope.set("id", id);
  const transport = optString(props, "signal_transport") ?? "CFN_SIGNAL";
  const noSignal = transport === "NO_SIGNAL";
  scope.set("action", action);
  scope.set("status", noSignal ? "COMPLETE" : "IN_PROGRESS");
  scope.set("status_reason", noSignal ? "Not waiting for outputs signal" : "Deploy data available");
  const config = await configFor(ctx, optString(props, "config"), action);
  const inputs = deploymentInputs(ctx, config?.inputs ?? [], optMap(props, "input_values"), { server, action, transport });
  const data: DeploymentData = {
    id,
    name: optString(props, "name") ?? ctx.name,
    group: config?.group ?? "Heat::Ungrouped",
    config: derive(config?.config ?? "", inputs, props),
    inputs,
    outputs: config?.outputs ?? [],
  };
  scope.set("deployment", JSON.stringify(data));
  return { waiting: !noSignal, server };
}

/** True once the member's action is complete; the agent of its server answers here when it has one. */
export async function actionDone(ctx: ResourceContext, scope: MemberScope, token: ActionToken | undefined): Promise<boolean> {
  if (!token?.waiting || scope.get("status") === "COMPLETE") return true;
  if (scope.get("status") === "IN_PROGRESS" && (await serverRunsAgent(ctx, token.server))) {
    applySignal(ctx, scope, runDeployment(JSON.parse(scope.get("deployment") ?? "{}") as DeploymentData));
  }
  if (scope.get("status") === "FAILED") throw new Error(`Deployment to server failed: ${scope.get("status_reason")}`);
  return scope.get("status") === "COMPLETE";
}

/** Applies a signal from the server as Heat's signal_software_deployment does. */
export function applySignal(ctx: ResourceContext, scope: MemberScope, details: unknown): void {
  if (scope.get("status") !== "IN_PROGRESS") {
    ctx.note("Signal ignored: the deployment is not waiting for one");
    return;
  }
  const d = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
  const values: Record<string, unknown> = JSON.parse(scope.get("output_values") ?? "{}");
  const reasons: string[] = [];
  const code = d.deploy_status_code;
  if (code !== undefined && code !== null && code !== "" && String(code) !== "0") {
    reasons.push(`deploy_status_code : Deployment exited with non-zero status code: ${String(code)}`);
  }
  const outputs = (JSON.parse(scope.get("deployment") ?? "{}") as Partial<DeploymentData>).outputs ?? [];
  for (const out of outputs) {
    if (!(out.name in d)) continue;
    values[out.name] = d[out.name];
    if (out.error_output) reasons.push(`${out.name} : ${String(d[out.name])}`);
  }
  for (const key of STANDARD_OUTPUTS) values[key] = d[key] ?? null;
  scope.set("output_values", JSON.stringify(values));
  scope.set("status", reasons.length ? "FAILED" : "COMPLETE");
  scope.set("status_reason", reasons.length ? reasons.join(", ") : "Outputs received");
  ctx.note(`deployment ${scope.get("id")} ${reasons.length ? "failed" : "succeeded"}`);
}

/** A member's output value (a declared output of its config, or deploy_stdout / stderr / status_code); null until signalled. */
export function memberOutput(scope: MemberScope, name: string): unknown {
  const values: Record<string, unknown> = JSON.parse(scope.get("output_values") ?? "{}");
  return values[name] ?? null;
}

/** Starts a lifecycle action with the properties it runs with. */
type StartFn = (ctx: ResourceContext, action: string, props: Record<string, unknown>) => Promise<unknown>;
/** Checks a started action. */
type DoneFn = (ctx: ResourceContext, token: unknown) => Promise<boolean>;

/** The start and check hooks of every action a deployment runs for (DELETE runs even when no earlier action ran). */
export function lifecycleHooks(start: StartFn, done: DoneFn): Omit<ResourceHandlers, "attribute" | "signal"> {
  return {
    create: (ctx) => start(ctx, "CREATE", ctx.properties),
    checkCreateComplete: done,
    update: (ctx, change) => start(ctx, "UPDATE", change.after),
    checkUpdateComplete: done,
    delete: (ctx) => start(ctx, "DELETE", ctx.properties),
    checkDeleteComplete: done,
    suspend: (ctx) => start(ctx, "SUSPEND", ctx.properties),
    checkSuspendComplete: done,
    resume: (ctx) => start(ctx, "RESUME", ctx.properties),
    checkResumeComplete: done,
  };
}
