/**
 * The simulated software-config agent (os-collect-config + heat-config and its hooks, as on an image
 * built for Heat's software deployments). It lives on servers created with
 * `user_data_format: SOFTWARE_CONFIG`; a deployment to such a server is picked up once the server is
 * ACTIVE, "run" deterministically, and answered with the signal a real agent sends
 * (deploy_stdout, deploy_stderr, deploy_status_code and the config's declared outputs):
 * - groups `script` and `Heat::Ungrouped` run the config as a shell script (agent-shell.ts) with
 *   the deployment's inputs in its environment; each output is read from `$heat_outputs_path.<name>`;
 * - every other group (ansible, puppet, salt, os-apply-config, docker-compose, component ...) is
 *   applied with status 0 and no output values, as a hook that produces none.
 */
import type { PeerResource, ResourceContext } from "../types";
import { runShell } from "./agent-shell";

/** Resource data key a server sets when it runs the agent (OS::Nova::Server, user_data_format SOFTWARE_CONFIG). */
export const AGENT_DATA_KEY = "software_config_agent";
/** The value of AGENT_DATA_KEY on such a server. */
export const AGENT_NAME = "heat-config";

/** One input of a deployment as the agent receives it. */
export interface DeploymentInput {
  name: string;
  value: unknown;
  type?: string;
  description?: string;
}

/** What the agent receives for one deployment (Heat's deployment data on the server). */
export interface DeploymentData {
  id: string;
  name: string;
  group: string;
  config: unknown;
  inputs: DeploymentInput[];
  outputs: { name: string; error_output?: boolean }[];
}

const SHELL_GROUPS = ["script", "Heat::Ungrouped"];

/** Where the script hook tells a config to write its outputs. */
export function outputsPath(deploymentId: string): string {
  return `/var/run/heat-config/heat-config-script/${deploymentId}`;
}

function envValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Runs a deployment and returns the signal the agent sends back. */
export function runDeployment(d: DeploymentData): Record<string, unknown> {
  if (!SHELL_GROUPS.includes(d.group) || typeof d.config !== "string") {
    return { deploy_stdout: "", deploy_stderr: "", deploy_status_code: 0 };
  }
  const path = outputsPath(d.id);
  const env = Object.fromEntries(d.inputs.map((i) => [i.name, envValue(i.value)]));
  const run = runShell(d.config, { ...env, heat_outputs_path: path });
  const signal: Record<string, unknown> = { deploy_stdout: run.stdout, deploy_stderr: run.stderr, deploy_status_code: run.status };
  for (const out of d.outputs) {
    const value = run.files.get(`${path}.${out.name}`);
    if (value !== undefined) signal[out.name] = value;
  }
  return signal;
}

/**
 * The inputs Heat derives for a deployment: the config's declared inputs (input_values, else their
 * default), input_values the config does not declare, then the deploy_* inputs.
 */
export function deploymentInputs(
  ctx: ResourceContext,
  declared: Record<string, unknown>[],
  given: Record<string, unknown>,
  derived: { server: string; action: string; transport: string },
): DeploymentInput[] {
  const inputs: DeploymentInput[] = declared.map((i) => {
    const name = String(i.name);
    return { name, type: typeof i.type === "string" ? i.type : "String", value: name in given ? given[name] : i.default ?? null };
  });
  const names = new Set(inputs.map((i) => i.name));
  for (const [name, value] of Object.entries(given)) if (!names.has(name)) inputs.push({ name, type: "String", value });
  const deploy = (name: string, value: string, description: string) => inputs.push({ name, type: "String", value, description });
  deploy("deploy_server_id", derived.server, "ID of the server being deployed to");
  deploy("deploy_action", derived.action, "Name of the current action being deployed");
  deploy("deploy_stack_id", `${ctx.stack.name}/${ctx.stack.id}`, "ID of the stack this deployment belongs to");
  deploy("deploy_resource_name", ctx.name, "Name of this deployment resource in the stack");
  deploy("deploy_signal_transport", derived.transport, "How the server should signal to heat with the deployment output values.");
  return inputs;
}

/** True when `server` is a server of this stack that runs the agent and is ACTIVE. */
export async function serverRunsAgent(ctx: ResourceContext, server: string): Promise<boolean> {
  const peer: PeerResource | undefined = ctx.peer ? await ctx.peer(server) : undefined;
  if (peer?.data[AGENT_DATA_KEY] !== AGENT_NAME) return false;
  try {
    return (await ctx.cloud.compute.getServer(server)).status === "ACTIVE";
  } catch {
    return false; // gone or unreachable: nothing picks the deployment up
  }
}
