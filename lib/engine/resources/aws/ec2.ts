/**
 * AWS::EC2::Instance, AWS::EC2::SecurityGroup, AWS::EC2::EIP and AWS::EC2::EIPAssociation, mapped as
 * Heat maps them: an instance is a Nova server (ImageId, InstanceType, KeyName, SecurityGroups,
 * UserData, SubnetId / NetworkInterfaces), a security group a Neutron one (its ingress and egress
 * rules), an EIP a floating IP on the external network "public" whose Ref is its address, and an
 * EIP association points that address at the instance's first port.
 */
import type { RegionClient, Server } from "../../ports";
import { cloudCall, ignoreNotFound } from "../support/cloud-errors";
import { optList, optString } from "../support/props";
import { deleteAndWait } from "../neutron/common";
import { securityGroupResource } from "../neutron/security-group";
import { firstAddress } from "../nova/server-networks";
import { serverResource } from "../nova/server";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";
import { mappedResource } from "./mapped";

/** The external network EIPs come from (DevStack's name). */
const EXTERNAL_NETWORK = "public";

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

async function serverOf(cloud: RegionClient, id: string | undefined): Promise<Server | undefined> {
  return id ? ignoreNotFound(() => cloud.compute.getServer(id)) : undefined;
}

/** AWS::EC2::Instance, as OS::Nova::Server. */
export const ec2InstanceResource = mappedResource({
  type: "AWS::EC2::Instance",
  target: serverResource,
  annotations: { UserData: { takes: "script" } },
  properties: (p) => {
    const interfaces = optList<unknown>(p, "NetworkInterfaces").map((n) => (typeof n === "string" ? n : String((n as Record<string, unknown>).NetworkInterfaceId)));
    const subnet = optString(p, "SubnetId");
    return defined({
      image: p.ImageId,
      flavor: p.InstanceType,
      key_name: p.KeyName,
      availability_zone: p.AvailabilityZone,
      user_data: p.UserData,
      user_data_format: "HEAT_CFNTOOLS",
      security_groups: [...optList(p, "SecurityGroups"), ...optList(p, "SecurityGroupIds")],
      networks: interfaces.length ? interfaces.map((port) => ({ port })) : subnet ? [{ subnet }] : undefined,
    });
  },
  async attribute(ctx, name) {
    const server = await serverOf(ctx.cloud, ctx.physicalId);
    if (!server) return null;
    const floating = server.addresses.find((a) => a.type === "floating")?.address;
    const values: Record<string, unknown> = {
      PublicIp: floating ?? firstAddress(server),
      PublicDnsName: floating ?? firstAddress(server),
      PrivateIp: firstAddress(server),
      PrivateDnsName: firstAddress(server),
      AvailabilityZone: "nova",
    };
    return name === "show" ? server : values[name];
  },
});

/** AWS::EC2::SecurityGroup, as OS::Neutron::SecurityGroup. */
export const ec2SecurityGroupResource = mappedResource({
  type: "AWS::EC2::SecurityGroup",
  target: securityGroupResource,
  properties: (p) => {
    const rules = (key: string, direction: "ingress" | "egress") =>
      optList<Record<string, unknown>>(p, key).map((r) => {
        const port = (v: unknown) => (v === undefined || v === null || String(v) === "-1" ? undefined : Number(v));
        return defined({
          direction,
          protocol: String(r.IpProtocol ?? "-1") === "-1" ? undefined : String(r.IpProtocol),
          port_range_min: port(r.FromPort),
          port_range_max: port(r.ToPort),
          remote_ip_prefix: r.CidrIp,
        });
      });
    return { description: p.GroupDescription, rules: [...rules("SecurityGroupIngress", "ingress"), ...rules("SecurityGroupEgress", "egress")] };
  },
  async attribute(ctx, name) {
    return name === "show" && ctx.physicalId ? ignoreNotFound(() => ctx.cloud.network.getSecurityGroup(ctx.physicalId!)) : null;
  },
});

/** The first port of the instance `id`. */
async function instancePort(ctx: ResourceContext, id: string): Promise<string> {
  const port = (await ctx.cloud.compute.getServer(id)).addresses.find((a) => a.type === "fixed")?.portId;
  if (!port) throw new Error(`Instance ${id} has no port to associate an EIP with`);
  return port;
}

/** AWS::EC2::EIP: a floating IP on the external network (pointed at InstanceId's first port if given); its Ref is the address. */
export const ec2EipResource = defineResource({
  type: "AWS::EC2::EIP",
  handlers: {
    async create(ctx) {
      const fip = await cloudCall(`allocating a floating IP on ${EXTERNAL_NETWORK}`, ctx.region, () => ctx.cloud.network.createFloatingIp({ floatingNetwork: EXTERNAL_NETWORK }));
      ctx.setPhysicalId(fip.id);
      ctx.setData("address", fip.address);
      const instance = optString(ctx.properties, "InstanceId");
      if (instance) await pointAt(ctx, fip.id, await instancePort(ctx, instance));
    },
    async update(ctx, change) {
      const instance = optString(change.after, "InstanceId");
      if (instance) await pointAt(ctx, ctx.physicalId!, await instancePort(ctx, instance));
      else await cloudCall(`disassociating floating IP ${ctx.physicalId}`, ctx.region, () => ctx.cloud.network.disassociateFloatingIp(ctx.physicalId!));
    },
    ...deleteAndWait((c, id) => c.network.deleteFloatingIp(id), (c, id) => c.network.getFloatingIp(id), "floating IP"),
    async check(ctx) {
      await ctx.cloud.network.getFloatingIp(ctx.physicalId ?? "");
    },
    referenceId: (ctx) => ctx.data.address ?? ctx.physicalId,
    async attribute(ctx, name) {
      if (name === "AllocationId") return ctx.physicalId ?? null;
      return name === "show" && ctx.physicalId ? ignoreNotFound(() => ctx.cloud.network.getFloatingIp(ctx.physicalId!)) : null;
    },
  },
});

async function pointAt(ctx: ResourceContext, fip: string, port: string): Promise<void> {
  await cloudCall(`associating floating IP ${fip}`, ctx.region, () => ctx.cloud.network.associateFloatingIp(fip, port));
}

/** The floating IP an association names: by AllocationId, else by its address (an EIP's Ref). */
async function floatingIpOf(ctx: ResourceContext, props: Record<string, unknown>): Promise<string> {
  const allocation = optString(props, "AllocationId");
  if (allocation) return allocation;
  const address = optString(props, "EIP");
  const fip = (await ctx.cloud.network.listFloatingIps()).find((f) => f.address === address);
  if (!fip) throw new Error(`No floating IP with address ${address ?? "(none)"}`);
  return fip.id;
}

/** Detaches the association "<fip>:<port>", only while the address still points at that port (a replacement may have moved it). */
async function release(ctx: ResourceContext, association: string): Promise<void> {
  const [fip, port] = association.split(":");
  const current = await ignoreNotFound(() => ctx.cloud.network.getFloatingIp(fip));
  if (current?.portId === port) await cloudCall(`disassociating floating IP ${fip}`, ctx.region, () => ignoreNotFound(() => ctx.cloud.network.disassociateFloatingIp(fip)));
}

/** AWS::EC2::EIPAssociation: an EIP pointed at an instance's first port (or a network interface). */
export const ec2EipAssociationResource = defineResource({
  type: "AWS::EC2::EIPAssociation",
  handlers: {
    async create(ctx) {
      const p = ctx.properties;
      const fip = await floatingIpOf(ctx, p);
      const port = optString(p, "NetworkInterfaceId") ?? (await instancePort(ctx, optString(p, "InstanceId") ?? ""));
      await pointAt(ctx, fip, port);
      ctx.setPhysicalId(`${fip}:${port}`);
    },
    async update(ctx, change) {
      const fip = await floatingIpOf(ctx, change.after);
      const port = optString(change.after, "NetworkInterfaceId") ?? (await instancePort(ctx, optString(change.after, "InstanceId") ?? ""));
      const before = ctx.physicalId;
      await pointAt(ctx, fip, port);
      ctx.setPhysicalId(`${fip}:${port}`);
      if (before && before.split(":")[0] !== fip) await release(ctx, before);
    },
    delete: async (ctx) => (ctx.physicalId ? release(ctx, ctx.physicalId) : undefined),
    async check(ctx) {
      const fip = await ctx.cloud.network.getFloatingIp(ctx.physicalId?.split(":")[0] ?? "");
      if (!fip.portId) throw new Error(`Floating IP ${fip.address} is not associated with any port`);
    },
  },
});
