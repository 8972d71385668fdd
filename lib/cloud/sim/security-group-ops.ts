/** Neutron security groups and their rules, for one region. */
import type { NetworkClient, SecurityGroup, SecurityGroupRule } from "../../engine/ports";
import { badRequest, conflict, notFound } from "./errors";
import { parseCidr } from "./ipam";
import { findByRef } from "./lookup";
import type { SecurityGroupRecord } from "./records";
import type { RegionState } from "./region-state";
import { securityGroupView } from "./views";

type RuleSpec = Omit<SecurityGroupRule, "id">;

const NAMED_PROTOCOLS = new Set(["tcp", "udp", "icmp", "icmpv6", "sctp"]);

/** The egress rules Neutron gives every new group. */
const DEFAULT_RULES: RuleSpec[] = (["IPv4", "IPv6"] as const).map((ethertype) => ({
  direction: "egress",
  protocol: null,
  portRangeMin: null,
  portRangeMax: null,
  remoteIpPrefix: null,
  ethertype,
}));

function checkPorts(rule: RuleSpec): void {
  const { protocol, portRangeMin: min, portRangeMax: max } = rule;
  if (min === null && max === null) return;
  if (protocol === null) throw badRequest("Must also specify protocol if port range is given.");
  const icmp = protocol === "icmp" || protocol === "icmpv6";
  const limit = icmp ? 255 : 65535;
  for (const value of [min, max]) {
    if (value !== null && (!Number.isInteger(value) || value < (icmp ? 0 : 1) || value > limit)) {
      throw badRequest(`Invalid value for ${icmp ? "ICMP type or code" : "port"} ${value}.`);
    }
  }
  if (!icmp && min !== null && max !== null && min > max) {
    throw badRequest("For TCP/UDP protocols, port_range_min must be <= port_range_max");
  }
}

/** Validates one rule spec and returns it normalised. */
function checkRule(rule: RuleSpec): RuleSpec {
  if (rule.direction !== "ingress" && rule.direction !== "egress") {
    throw badRequest(`Invalid input for direction. Reason: '${String(rule.direction)}' is not in ['ingress', 'egress'].`);
  }
  const ethertype = rule.ethertype ?? "IPv4";
  if (ethertype !== "IPv4" && ethertype !== "IPv6") {
    throw badRequest(`Invalid input for ethertype. Reason: '${String(ethertype)}' is not in ['IPv4', 'IPv6'].`);
  }
  const protocol = rule.protocol === null || rule.protocol === undefined ? null : String(rule.protocol).toLowerCase();
  if (protocol !== null && !NAMED_PROTOCOLS.has(protocol) && !/^([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])$/.test(protocol)) {
    throw badRequest(`Security group rule protocol ${protocol} not supported. Only protocol values [tcp, udp, icmp, icmpv6, sctp] and integer representations [0 to 255] are supported.`);
  }
  const normal: RuleSpec = {
    direction: rule.direction,
    protocol,
    portRangeMin: rule.portRangeMin ?? null,
    portRangeMax: rule.portRangeMax ?? null,
    remoteIpPrefix: rule.remoteIpPrefix ?? null,
    ethertype,
  };
  checkPorts(normal);
  if (normal.remoteIpPrefix !== null) {
    const cidr = parseCidr(normal.remoteIpPrefix);
    if (typeof cidr === "string") throw badRequest(cidr.replace("for cidr", "for remote_ip_prefix"));
    if (`IPv${cidr.version}` !== ethertype) {
      throw badRequest(`Conflicting value ethertype ${ethertype} for CIDR ${normal.remoteIpPrefix}`);
    }
  }
  return normal;
}

/** Validated rules with fresh ids; a duplicate rule is a Conflict, as in Neutron. */
function buildRules(s: RegionState, specs: RuleSpec[]): SecurityGroupRule[] {
  const seen = new Set<string>();
  return specs.map((spec) => {
    const rule = checkRule(spec);
    const key = JSON.stringify(rule);
    if (seen.has(key)) throw conflict("Security group rule already exists.");
    seen.add(key);
    return { id: s.nextId().id, ...rule };
  });
}

/** Creates a group record (also used to seed "default"). */
export function addSecurityGroup(s: RegionState, spec: Parameters<NetworkClient["createSecurityGroup"]>[0]): SecurityGroupRecord {
  const rules = buildRules(s, spec.rules ?? DEFAULT_RULES);
  const { id, seq } = s.nextId();
  const record: SecurityGroupRecord = { id, seq, name: spec.name ?? "", description: spec.description ?? "", rules };
  s.put("securityGroup", record);
  return record;
}

/** Resolves group names or ids to ids; an unknown one is a BadRequest naming it. */
export function resolveSecurityGroups(s: RegionState, refs: string[]): string[] {
  return refs.map((ref) => {
    const group = findByRef(s.list("securityGroup"), ref, "security group");
    if (!group) throw badRequest(`Security group ${ref} not found.`);
    return group.id;
  });
}

function requireGroup(s: RegionState, id: string): SecurityGroupRecord {
  const group = s.get("securityGroup", id);
  if (!group) throw notFound("Security group", id);
  return group;
}

/** The security group operations of NetworkClient. */
export const securityGroupOps = {
  createSecurityGroup: (s: RegionState, spec: Parameters<NetworkClient["createSecurityGroup"]>[0]): SecurityGroup =>
    securityGroupView(s, addSecurityGroup(s, spec)),
  getSecurityGroup: (s: RegionState, id: string): SecurityGroup => securityGroupView(s, requireGroup(s, id)),
  listSecurityGroups: (s: RegionState): SecurityGroup[] => s.list("securityGroup").map((g) => securityGroupView(s, g)),
  updateSecurityGroup(s: RegionState, id: string, patch: Parameters<NetworkClient["updateSecurityGroup"]>[1]): SecurityGroup {
    const next = { ...requireGroup(s, id) };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.rules !== undefined) next.rules = buildRules(s, patch.rules);
    s.put("securityGroup", next);
    return securityGroupView(s, next);
  },
  deleteSecurityGroup(s: RegionState, id: string): void {
    const group = requireGroup(s, id);
    if (group.name === "default") throw conflict("Insufficient rights for removing default security group.");
    if (s.list("port").some((p) => p.securityGroups.includes(id))) throw conflict(`Security Group ${id} in use.`);
    s.remove("securityGroup", id);
  },
};
