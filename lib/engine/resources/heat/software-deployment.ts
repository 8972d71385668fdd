/**
 * OS::Heat::SoftwareDeployment: applies a SoftwareConfig to a server for the listed lifecycle actions.
 * With signal_transport NO_SIGNAL an action completes at once; otherwise it waits for the server's
 * signal (deploy_status_code, deploy_stdout, deploy_stderr and the config's outputs). State is kept in
 * the resource data: status, status_reason, output_values.
 */
import { ignoreNotFound } from "../support/cloud-errors";
import { optList, optString, reqString } from "../support/props";
import { randomUuid } from "../support/naming";
import { defineResource, type ResourceContext } from "../types";
import { readStoredConfig } from "./software-config";

const ACTIONS = ["CREATE", "UPDATE", "DELETE", "SUSPEND", "RESUME"];
const TRANSPORTS = ["CFN_SIGNAL", "TEMP_URL_SIGNAL", "HEAT_SIGNAL", "NO_SIGNAL", "ZAQAR_SIGNAL"];
const STANDARD_OUTPUTS = ["deploy_stdout", "deploy_stderr", "deploy_status_code"];

/** Token of a deployment action: whether a signal is awaited. */
interface ActionToken {
  waiting: boolean;
  server: string;
}

/** Starts `action` if the deployment runs for it; undefined when it does not (nothing to wait for). */
function startAction(ctx: ResourceContext, action: string, props: Record<string, unknown>): ActionToken | undefined {
  if (!optList<string>(props, "actions").includes(action)) return undefined;
  if (!ctx.physicalId) ctx.setPhysicalId(randomUuid(ctx));
  const noSignal = optString(props, "signal_transport") === "NO_SIGNAL";
  ctx.setData("action", action);
  ctx.setData("status", noSignal ? "COMPLETE" : "IN_PROGRESS");
  ctx.setData("status_reason", noSignal ? "Not waiting for outputs signal" : "Deploy data available");
  return { waiting: !noSignal, server: reqString(props, "server") };
}

async function actionDone(ctx: ResourceContext, token: unknown): Promise<boolean> {
  const t = token as ActionToken | undefined;
  if (!t?.waiting || ctx.data.status === "COMPLETE") return true;
  if (ctx.data.status === "FAILED") throw new Error(`Deployment to server failed: ${ctx.data.status_reason}`);
  return false;
}

async function configOutputs(ctx: ResourceContext): Promise<{ name: string; error_output?: boolean }[]> {
  const ref = optString(ctx.properties, "config");
  const peer = ref && ctx.peer ? await ctx.peer(ref) : undefined;
  return (peer && readStoredConfig(peer.data)?.outputs) || [];
}

/** Applies a signal from the server as Heat's signal_software_deployment does. */
async function applySignal(ctx: ResourceContext, details: unknown): Promise<void> {
  if (ctx.data.status !== "IN_PROGRESS") {
    ctx.note("Signal ignored: the deployment is not waiting for one");
    return;
  }
  const d = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
  const values: Record<string, unknown> = JSON.parse(ctx.data.output_values ?? "{}");
  const reasons: string[] = [];
  const code = d.deploy_status_code;
  if (code !== undefined && code !== null && code !== "" && String(code) !== "0") {
    reasons.push(`deploy_status_code : Deployment exited with non-zero status code: ${String(code)}`);
  }
  for (const out of await configOutputs(ctx)) {
    if (!(out.name in d)) continue;
    values[out.name] = d[out.name];
    if (out.error_output) reasons.push(`${out.name} : ${String(d[out.name])}`);
  }
  for (const key of STANDARD_OUTPUTS) values[key] = d[key] ?? null;
  ctx.setData("output_values", JSON.stringify(values));
  ctx.setData("status", reasons.length ? "FAILED" : "COMPLETE");
  ctx.setData("status_reason", reasons.length ? reasons.join(", ") : "Outputs received");
  ctx.note(`deployment ${ctx.physicalId} ${reasons.length ? "failed" : "succeeded"}`);
}

/** The OS::Heat::SoftwareDeployment plugin. */
export const softwareDeploymentResource = defineResource({
  type: "OS::Heat::SoftwareDeployment",
  expectedMs: 120_000,
  properties: {
    config: { references: ["OS::Heat::SoftwareConfig"] },
    server: { region: "same", references: ["OS::Nova::Server"] },
  },
  handlers: {
    create: async (ctx) => startAction(ctx, "CREATE", ctx.properties),
    checkCreateComplete: actionDone,
    update: async (ctx, change) => startAction(ctx, "UPDATE", change.after),
    checkUpdateComplete: actionDone,
    // Runs even when no earlier action ran (actions: [DELETE] is the quiesce-on-replace pattern).
    delete: async (ctx) => startAction(ctx, "DELETE", ctx.properties),
    async checkDeleteComplete(ctx, token) {
      const t = token as ActionToken | undefined;
      // A deployment whose server is gone can no longer answer: nothing left to wait for.
      if (t?.waiting && !(await ignoreNotFound(() => ctx.cloud.compute.getServer(t.server)))) return true;
      return actionDone(ctx, token);
    },
    suspend: async (ctx) => startAction(ctx, "SUSPEND", ctx.properties),
    checkSuspendComplete: actionDone,
    resume: async (ctx) => startAction(ctx, "RESUME", ctx.properties),
    checkResumeComplete: actionDone,
    signal: applySignal,
    async attribute(ctx, name) {
      const values: Record<string, unknown> = JSON.parse(ctx.data.output_values ?? "{}");
      return values[name] ?? null;
    },
  },
});
