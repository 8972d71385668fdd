/**
 * OS::Nova::Server: a compute instance. Create polls until ACTIVE (ERROR fails with the server's fault),
 * then associates floating IPs. name and metadata update in place; flavor, image, networks and user_data
 * changes replace the server (the cloud port has no resize/rebuild/interface calls yet), new server first:
 * the ports the template gave it move to the new server (server-replace.ts).
 */
import type { Server } from "../../ports";
import { cloudCall, ignoreNotFound, isNotFound, pollRead, ResourceInError } from "../support/cloud-errors";
import { optList, optString, reqString, stringMap } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type PropertyChange, type ResourceContext } from "../types";
import { AGENT_DATA_KEY, AGENT_NAME } from "../heat/software-agent";
import {
  addressesAttr,
  associateFloatingIps,
  buildNics,
  deleteInternalPorts,
  firstAddress,
  networksAttr,
  type NetworkEntry,
} from "./server-networks";
import { serverDependencies } from "../neutron/implicit-dependencies";
import { detachTemplatePorts, reattachTemplatePorts } from "./server-replace";

/**
 * The server once it reached `target`; undefined while it is still on its way. ERROR fails with the
 * fault; on create (`strict`) any other settled status than ACTIVE fails as Heat's
 * ResourceUnknownStatus does.
 */
async function reached(ctx: ResourceContext, id: string, target: Server["status"], strict = false): Promise<Server | undefined> {
  const server = await pollRead(() => ctx.cloud.compute.getServer(id));
  if (!server) return undefined;
  if (server.status === "ERROR") throw new ResourceInError("ERROR", server.fault);
  if (server.status === target) return server;
  if (strict && server.status !== "BUILD") {
    throw new Error(`Server is not active - Unknown status ${server.status} due to "${server.fault ?? "Unknown"}"`);
  }
  return undefined;
}

function internalPorts(ctx: ResourceContext): string[] {
  return ctx.data.internal_ports ? (JSON.parse(ctx.data.internal_ports) as string[]) : [];
}

async function createServer(ctx: ResourceContext): Promise<string> {
  const p = ctx.properties;
  const name = optString(p, "name") || physicalName(ctx);
  const entries = optList<NetworkEntry>(p, "networks");
  const nics = await cloudCall(`creating ports for server ${name}`, ctx.region, () => buildNics(ctx.cloud, entries, name));
  const owned = nics.flatMap((n) => (n.internalPort ? [n.internalPort] : []));
  if (owned.length) ctx.setData("internal_ports", JSON.stringify(owned));
  const server = await cloudCall(`creating server ${name}`, ctx.region, () =>
    ctx.cloud.compute.createServer({
      name,
      flavor: reqString(p, "flavor"),
      image: reqString(p, "image"),
      ...(nics.length ? { networks: nics.map((n) => n.nic) } : {}),
      ...(optList(p, "security_groups").length ? { securityGroups: optList<string>(p, "security_groups") } : {}),
      metadata: stringMap(p, "metadata"),
      ...(optString(p, "user_data") ? { userData: optString(p, "user_data") } : {}),
      ...(optString(p, "key_name") ? { keyName: optString(p, "key_name") } : {}),
      ...(optString(p, "availability_zone") ? { availabilityZone: optString(p, "availability_zone") } : {}),
    }),
  );
  ctx.setPhysicalId(server.id);
  // Heat's SOFTWARE_CONFIG user data boots the agent that runs software deployments (heat/software-agent.ts).
  if (optString(p, "user_data_format") === "SOFTWARE_CONFIG") ctx.setData(AGENT_DATA_KEY, AGENT_NAME);
  return server.id;
}

const REPLACING = ["flavor", "image", "networks"];

function needsReplace(change: PropertyChange): boolean {
  if (change.changed.some((k) => REPLACING.includes(k))) return true;
  return change.changed.includes("user_data") && optString(change.after, "user_data_update_policy") !== "IGNORE";
}

/** The OS::Nova::Server plugin. */
export const serverResource = defineResource({
  type: "OS::Nova::Server",
  implicitDependencies: serverDependencies,
  expectedMs: 60_000, // boots
  properties: {
    security_groups: { region: "same", references: ["OS::Neutron::SecurityGroup"] },
    networks: {
      region: "same",
      items: {
        schema: {
          network: { region: "same", references: ["OS::Neutron::Net"] },
          fixed_ip: { takes: "ip" },
          port: { region: "same", references: ["OS::Neutron::Port"] },
          subnet: { region: "same", references: ["OS::Neutron::Subnet"] },
          floating_ip: { region: "same", references: ["OS::Neutron::FloatingIP"] },
        },
      },
    },
    user_data: { takes: "script" },
    admin_pass: { takes: "secret" },
  },
  attributes: {
    first_address: { produces: { kind: "ip" } },
  },
  handlers: {
    async create(ctx) {
      return { id: await createServer(ctx), associated: false };
    },
    async checkCreateComplete(ctx, token) {
      const t = token as { id: string; associated: boolean };
      const server = await reached(ctx, t.id, "ACTIVE", true);
      if (!server) return false;
      if (!t.associated) {
        await cloudCall(`associating floating IPs of server ${server.name}`, ctx.region, () =>
          associateFloatingIps(ctx.cloud, server, optList<NetworkEntry>(ctx.properties, "networks")),
        );
        t.associated = true;
      }
      return true;
    },
    needsReplace,
    async update(ctx, change) {
      const patch: { name?: string; metadata?: Record<string, string> } = {};
      if (change.changed.includes("name")) patch.name = optString(change.after, "name") || physicalName(ctx);
      if (change.changed.includes("metadata")) patch.metadata = stringMap(change.after, "metadata");
      if (Object.keys(patch).length && ctx.physicalId) {
        const id = ctx.physicalId;
        await cloudCall(`updating server ${id}`, ctx.region, () => ctx.cloud.compute.updateServer(id, patch));
      }
    },
    prepareForReplace: detachTemplatePorts,
    restoreAfterFailedReplace: reattachTemplatePorts,
    async delete(ctx) {
      if (ctx.physicalId) {
        const id = ctx.physicalId;
        await ignoreNotFound(() => ctx.cloud.compute.deleteServer(id));
      }
    },
    async checkDeleteComplete(ctx) {
      if (ctx.physicalId) {
        const id = ctx.physicalId;
        try {
          const server = await pollRead(() => ctx.cloud.compute.getServer(id));
          if (!server || server.status !== "DELETED") return false;
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      }
      await deleteInternalPorts(ctx.cloud, internalPorts(ctx));
      return true;
    },
    async suspend(ctx) {
      await ctx.cloud.compute.suspendServer(ctx.physicalId!);
    },
    checkSuspendComplete: async (ctx) => !!(await reached(ctx, ctx.physicalId!, "SUSPENDED")),
    async resume(ctx) {
      await ctx.cloud.compute.resumeServer(ctx.physicalId!);
    },
    checkResumeComplete: async (ctx) => !!(await reached(ctx, ctx.physicalId!, "ACTIVE")),
    async check(ctx) {
      const server = await ctx.cloud.compute.getServer(ctx.physicalId ?? "");
      if (server.status !== "ACTIVE" && server.status !== "SUSPENDED" && server.status !== "SHUTOFF") {
        throw new ResourceInError(server.status, server.fault);
      }
      if (server.hung) throw new Error(`Server ${server.name} does not respond`);
    },
    async attribute(ctx, name) {
      if (!ctx.physicalId) return null;
      const id = ctx.physicalId;
      const server = await ignoreNotFound(() => ctx.cloud.compute.getServer(id));
      if (!server) return null;
      switch (name) {
        case "name":
        case "instance_name":
          return server.name;
        case "addresses":
          return addressesAttr(server);
        case "networks":
          return networksAttr(server);
        case "first_address":
          return firstAddress(server);
        case "accessIPv4":
          return server.addresses.find((a) => a.type === "floating" && !a.address.includes(":"))?.address ?? "";
        case "accessIPv6":
          return "";
        case "show":
          return server;
        default:
          return undefined;
      }
    },
  },
});
