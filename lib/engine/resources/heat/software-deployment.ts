/**
 * OS::Heat::SoftwareDeployment: applies a SoftwareConfig to a server for the listed lifecycle actions.
 * With signal_transport NO_SIGNAL an action completes at once; otherwise it waits for the server's
 * signal (deploy_status_code, deploy_stdout, deploy_stderr and the config's outputs), which the
 * simulated agent sends from a server that runs one (software-agent.ts). The work is shared with the
 * other deployment types in deployment-actions.ts; `deploymentHandlers` are the hooks of a deployment
 * to one server.
 */
import { ignoreNotFound } from "../support/cloud-errors";
import { reqString } from "../support/props";
import { defineResource } from "../define";
import { type ResourceContext, type ResourceHandlers, type ResourcePlugin } from "../types";
import { actionDone, applySignal, lifecycleHooks, memberOutput, ownScope, startAction, type ActionToken, type DeriveConfig } from "./deployment-actions";

/** The hooks of a deployment to one server; `derive` shapes the config the server receives. */
export function deploymentHandlers(derive?: DeriveConfig): ResourceHandlers {
  const start = async (ctx: ResourceContext, action: string, props: Record<string, unknown>) => {
    const token = await startAction(ctx, ownScope(ctx), action, props, reqString(props, "server"), derive);
    if (token && !ctx.physicalId) ctx.setPhysicalId(ctx.data.id);
    return token;
  };
  const done = (ctx: ResourceContext, token: unknown) => actionDone(ctx, ownScope(ctx), token as ActionToken | undefined);
  return {
    ...lifecycleHooks(start, done),
    // The quiesce-on-replace pattern (actions: [DELETE]) runs the DELETE action; a deployment whose
    // server is gone can no longer answer: nothing left to wait for.
    async checkDeleteComplete(ctx, token) {
      const t = token as ActionToken | undefined;
      if (t?.waiting && !(await ignoreNotFound(() => ctx.cloud.compute.getServer(t.server)))) return true;
      return done(ctx, token);
    },
    signal: async (ctx, details) => applySignal(ctx, ownScope(ctx), details),
    attribute: async (ctx, name) => memberOutput(ownScope(ctx), name),
  };
}

/** A deployment type to one server: its config (of `configType`) shaped by `derive`. */
export function deploymentResource(type: string, configType: string, derive?: DeriveConfig): ResourcePlugin {
  return defineResource({
    type,
    expectedMs: 120_000,
    properties: {
      config: { references: [configType] },
      server: { region: "same", references: ["OS::Nova::Server"] },
    },
    handlers: deploymentHandlers(derive),
  });
}

/** The OS::Heat::SoftwareDeployment plugin. */
export const softwareDeploymentResource = deploymentResource("OS::Heat::SoftwareDeployment", "OS::Heat::SoftwareConfig");
