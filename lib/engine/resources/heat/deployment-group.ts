/**
 * OS::Heat::StructuredDeployment (a deployment whose structured config has its `get_input` calls
 * filled from the deployment's inputs) and the deployment groups: SoftwareDeploymentGroup and
 * StructuredDeploymentGroup (with their hidden, deprecated names SoftwareDeployments and
 * StructuredDeployments) deploy one config to every server of `servers` (a map of names to server
 * ids). Heat runs a group as a nested stack of deployments; Hearth keeps one member per server in the
 * group's own data (deployment-actions.ts scopes), with the same actions, agent and signals.
 * A group's deploy_stdouts / deploy_stderrs / deploy_status_codes, and any output its config
 * declares, are maps of server name to the member's value.
 */
import { optMap, optString } from "../support/props";
import { randomUuid } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext, type ResourceHandlers, type ResourcePlugin } from "../types";
import { actionDone, lifecycleHooks, memberOutput, memberScope, startAction, type ActionToken, type DeriveConfig } from "./deployment-actions";
import { deploymentResource } from "./software-deployment";

/** Fills `{<input_key>: name}` in a structure with the input's value (STRICT: a missing input is an error). */
export function substituteInputs(config: unknown, inputs: Record<string, unknown>, inputKey: string, strict: boolean): unknown {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 1 && entries[0][0] === inputKey && typeof entries[0][1] === "string") {
      const name = entries[0][1];
      if (strict && !(name in inputs)) throw new Error(`The Parameter (${name}) was not provided.`);
      return inputs[name] ?? null;
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, walk(x)]));
  };
  return walk(config);
}

/** The StructuredDeployment way of deriving a config. */
const structured: DeriveConfig = (config, inputs, props) =>
  substituteInputs(
    config,
    Object.fromEntries(inputs.map((i) => [i.name, i.value])),
    optString(props, "input_key") ?? "get_input",
    optString(props, "input_values_validate") === "STRICT",
  );

/** OS::Heat::StructuredDeployment. */
export const structuredDeploymentResource = deploymentResource("OS::Heat::StructuredDeployment", "OS::Heat::StructuredConfig", structured);

const GROUP_ATTRIBUTES: Record<string, string> = { deploy_stdouts: "deploy_stdout", deploy_stderrs: "deploy_stderr", deploy_status_codes: "deploy_status_code" };

/** Group tokens: one member token per server name. */
type GroupToken = Record<string, ActionToken | undefined>;

function groupHandlers(derive?: DeriveConfig): ResourceHandlers {
  const members = (ctx: ResourceContext): string[] => JSON.parse(ctx.data.members ?? "[]");
  const start = async (ctx: ResourceContext, action: string, props: Record<string, unknown>): Promise<GroupToken> => {
    if (!ctx.physicalId) ctx.setPhysicalId(randomUuid(ctx));
    const servers = optMap(props, "servers");
    // a server taken out of the group leaves it: its member's state goes
    for (const gone of members(ctx).filter((key) => !(key in servers))) {
      for (const k of Object.keys(ctx.data).filter((k) => k.startsWith(`member.${gone}.`))) ctx.setData(k, undefined);
    }
    ctx.setData("members", JSON.stringify(Object.keys(servers).sort()));
    const token: GroupToken = {};
    for (const [key, server] of Object.entries(servers)) {
      token[key] = await startAction(ctx, memberScope(ctx, key), action, props, String(server), derive);
    }
    return token;
  };
  const done = async (ctx: ResourceContext, token: unknown) => {
    const t = (token ?? {}) as GroupToken;
    let all = true;
    for (const key of Object.keys(t)) all = (await actionDone(ctx, memberScope(ctx, key), t[key])) && all;
    return all;
  };
  return {
    ...lifecycleHooks(start, done),
    async attribute(ctx, name) {
      const member = GROUP_ATTRIBUTES[name] ?? name;
      return Object.fromEntries(members(ctx).map((key) => [key, memberOutput(memberScope(ctx, key), member)]));
    },
  };
}

/** A group type: one deployment per server; `configType` is what its config references. */
function groupResource(type: string, configType: string, derive?: DeriveConfig): ResourcePlugin {
  return defineResource({ type, expectedMs: 120_000, properties: { config: { references: [configType] } }, handlers: groupHandlers(derive) });
}

/** OS::Heat::SoftwareDeploymentGroup. */
export const softwareDeploymentGroupResource = groupResource("OS::Heat::SoftwareDeploymentGroup", "OS::Heat::SoftwareConfig");
/** OS::Heat::SoftwareDeployments: the deprecated, hidden name of SoftwareDeploymentGroup. */
export const softwareDeploymentsResource = groupResource("OS::Heat::SoftwareDeployments", "OS::Heat::SoftwareConfig");
/** OS::Heat::StructuredDeploymentGroup. */
export const structuredDeploymentGroupResource = groupResource("OS::Heat::StructuredDeploymentGroup", "OS::Heat::StructuredConfig", structured);
/** OS::Heat::StructuredDeployments: the deprecated, hidden name of StructuredDeploymentGroup. */
export const structuredDeploymentsResource = groupResource("OS::Heat::StructuredDeployments", "OS::Heat::StructuredConfig", structured);
