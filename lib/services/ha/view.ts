/**
 * The console's read model of HA groups (an OS::Heat::FailoverPolicy and the AutoScalingGroup it
 * watches): members with role and health, the volumes following the active member with a check
 * record written through it, the failover history from the policy's events, and what "Fail over now"
 * would do. Also the operator's actions on a group: fail over, drill (crash the active server in the
 * simulated cloud so the HA monitor must notice) and write the check record. Who is active and who
 * belongs to the group is read through the plugins' public readers (ResourcePlugin.activeMember, .group).
 */
import { createHash } from "node:crypto";
import { EngineError, notFound } from "../../engine/errors";
import type { EventRecord, ResourceRecord, Server, StackRecord, Volume } from "../../engine/ports";
import { defaultRegistry } from "../../engine/resources";
import type { ActiveMemberReader, GroupReader } from "../../engine/resources/types";
import { FAILOVER_STEPS, failoverHistory, type FailoverRun } from "../../engine/resources/heat/failover-history";

/** Key of the check record the console writes on a group's volumes. */
export const CHECK_KEY = "hearth-ha-check";

/** A member's health as the console shows it (icon + text). */
export type MemberHealth = "healthy" | "starting" | "unhealthy";

/** One member of an HA group. */
export interface HaMemberView {
  name: string;
  role: "active" | "standby";
  /** The member's reference id (its server). */
  serverId: string | null;
  serverName: string | null;
  health: MemberHealth;
  /** What the health means here, e.g. "ACTIVE, answering" or "ERROR: crashed". */
  healthText: string;
  /** The member resource's status, e.g. CREATE_COMPLETE (replacements show as IN_PROGRESS). */
  status: string;
}

/** The check record read back from a volume. */
export interface VolumeCheck {
  content: string;
  /** First 12 hex digits of the content's SHA-256. */
  checksum: string;
}

/** A volume following the active member. */
export interface HaVolumeView {
  id: string;
  name: string;
  region: string;
  status: string;
  /** The server it is attached to and the member that server belongs to. */
  attachedTo: { serverId: string; member: string | null } | null;
  check: VolumeCheck | null;
}

/** What "Fail over now" would do. */
export interface FailoverPlan {
  from: string;
  /** The standby to promote, or null when a fresh member will be created. */
  to: string | null;
  steps: readonly string[];
}

/** One HA group of a stack. */
export interface HaGroupView {
  policy: string;
  group: string;
  policyStatus: string;
  active: string | null;
  members: HaMemberView[];
  volumes: HaVolumeView[];
  history: readonly FailoverRun[];
  plan: FailoverPlan | null;
  /** The group's health check (what the monitor does after a drill), if it has one. */
  healthCheck: { intervalS: number; evaluationPeriods: number; gracePeriodS: number } | null;
}

/** What a drill did. */
export interface DrillResult {
  member: string;
  serverId: string;
  crashedAt: string;
}

/** The console's HA operations (Hearth.ha). Stack arguments accept a name or an id. */
export interface HaConsole {
  /** The HA groups of a stack (one per FailoverPolicy), empty when it has none. */
  groups(stack: string): Promise<HaGroupView[]>;
  /** Starts a failover of the policy's group (forced: it runs within the grace period too); does not wait for it. */
  failover(stack: string, policy: string, reason: string): Promise<void>;
  /** Crashes the active member's server through the simulated cloud's fault injection. */
  drill(stack: string, policy: string): Promise<DrillResult>;
  /** Writes a check record on the group's volumes through the active server (as its guest would); returns it. */
  writeCheck(stack: string, policy: string): Promise<string>;
}

/**
 * The reads and actions the HA console is built on, as the facade that owns it provides them (stack
 * arguments accept a name or an id). Declared here, so this module depends only downward.
 */
export interface HaSource {
  getStack(stack: string): Promise<{ stack: Pick<StackRecord, "id" | "name">; resources: ResourceRecord[] }>;
  listEvents(stack: string, options: { resource: string }): Promise<EventRecord[]>;
  cloudInventory(region: string): Promise<{ servers: Server[]; volumes: Volume[] }>;
  volumeData(volumeId: string, key: string): Promise<string | undefined>;
  signal(stack: string, resource: string, details: unknown): Promise<void>;
  fault(command: { kind: "crash-server"; serverId: string }): Promise<void>;
}

/** What the HA console is built on: its source, and writing on a volume as a guest. */
export interface HaConsoleDeps {
  /** The source, read at each use (the facade passes itself while it is being built). */
  source: () => HaSource;
  writeVolume(region: string, volumeId: string, serverId: string, key: string, content: string): Promise<void>;
  now?: () => number;
  /** Reports a failover that failed after it was started (default: console.error). */
  onError?(error: unknown): void;
}

const badRequest = (message: string) => new EngineError("BadRequest", message);
const num = (v: unknown, fallback: number) => (typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : fallback);

/** Every string inside a value (to find the volume ids a follower definition names). */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  return value && typeof value === "object" ? Object.values(value).flatMap(strings) : [];
}

/** A member's health from its server as the simulated cloud has it. */
function healthOf(server: Server | undefined): { health: MemberHealth; text: string } {
  if (!server) return { health: "unhealthy", text: "server gone" };
  if (server.status === "BUILD") return { health: "starting", text: "BUILD, starting" };
  if (server.status !== "ACTIVE") return { health: "unhealthy", text: server.fault ? `${server.status}: ${server.fault}` : server.status };
  return server.hung ? { health: "unhealthy", text: "ACTIVE, not answering" } : { health: "healthy", text: "ACTIVE, answering" };
}

/** Content and checksum of a check record. */
export function volumeCheck(content: string | undefined): VolumeCheck | null {
  return content === undefined ? null : { content, checksum: createHash("sha256").update(content).digest("hex").slice(0, 12) };
}

/** Builds the HA console over the facade. */
export function haConsole(deps: HaConsoleDeps): HaConsole {
  const now = deps.now ?? Date.now;

  async function policyOf(stack: string, policy: string) {
    const detail = await deps.source().getStack(stack);
    const record = detail.resources.find((r) => r.name === policy);
    if (!record) throw notFound(`Resource ${policy} of stack ${detail.stack.name}`);
    if (record.type !== "OS::Heat::FailoverPolicy") throw badRequest(`${policy} is a ${record.type}, not an OS::Heat::FailoverPolicy`);
    return { detail, record };
  }

  async function groupView(stackId: string, policy: ResourceRecord, resources: ResourceRecord[]): Promise<HaGroupView> {
    const source = deps.source();
    const reader = activeMemberReader(policy);
    const groupRef = reader.group(policy);
    const groupRecord = resources.find((r) => r.physicalId === groupRef && groupReader(r) !== undefined);
    const order = groupRecord ? groupReader(groupRecord)!.members(groupRecord) : [];
    const memberRecords = groupRecord?.nestedStackId ? (await source.getStack(groupRecord.nestedStackId)).resources.filter((r) => !r.replacedBy) : [];
    memberRecords.sort((a, b) => rank(order, a.name) - rank(order, b.name));
    const [inventory, events] = await Promise.all([source.cloudInventory(policy.region), source.listEvents(stackId, { resource: policy.name })]);
    const servers = new Map(inventory.servers.map((s) => [s.id, s]));
    const active = reader.active(policy) ?? null;
    const members: HaMemberView[] = memberRecords.map((m) => {
      const serverId = m.data["OS::stack_id"] ?? m.physicalId;
      const server = serverId ? servers.get(serverId) : undefined;
      const { health, text } = healthOf(server);
      return { name: m.name, role: m.name === active ? "active" : "standby", serverId, serverName: server?.name ?? null, health, healthText: text, status: `${m.action}_${m.status}` };
    });
    const memberOfServer = new Map(members.flatMap((m) => (m.serverId ? [[m.serverId, m.name] as const] : [])));
    const named = new Set(strings(policy.properties.resource));
    const volumes = await Promise.all(
      inventory.volumes.filter((v) => named.has(v.id) || v.attachments.some((a) => memberOfServer.has(a.serverId))).map((v) => volumeView(v, memberOfServer)),
    );
    const hc = groupRecord?.properties.health_check as Record<string, unknown> | null | undefined;
    const from = members.find((m) => m.role === "active");
    return {
      policy: policy.name,
      group: groupRecord?.name ?? String(groupRef),
      policyStatus: `${policy.action}_${policy.status}`,
      active,
      members,
      volumes,
      history: failoverHistory(events),
      plan: from ? { from: from.name, to: members.find((m) => m.role === "standby" && m.health === "healthy")?.name ?? null, steps: FAILOVER_STEPS } : null,
      healthCheck: hc ? { intervalS: num(hc.interval, 10), evaluationPeriods: num(hc.evaluation_periods, 3), gracePeriodS: num(hc.grace_period, 60) } : null,
    };
  }

  async function volumeView(volume: Volume, memberOfServer: ReadonlyMap<string, string>): Promise<HaVolumeView> {
    const attachment = volume.attachments[0];
    return {
      id: volume.id,
      name: volume.name,
      region: volume.region,
      status: volume.status,
      attachedTo: attachment ? { serverId: attachment.serverId, member: memberOfServer.get(attachment.serverId) ?? null } : null,
      check: volumeCheck(await deps.source().volumeData(volume.id, CHECK_KEY)),
    };
  }

  async function activeOf(stack: string, policy: string): Promise<{ group: HaGroupView; member: HaMemberView }> {
    const { detail, record } = await policyOf(stack, policy);
    const group = await groupView(detail.stack.id, record, detail.resources);
    const member = group.members.find((m) => m.role === "active");
    if (!member?.serverId) throw badRequest(`${policy} has no active member with a server`);
    return { group, member };
  }

  return {
    async groups(stack) {
      const detail = await deps.source().getStack(stack);
      const policies = detail.resources.filter((r) => r.type === "OS::Heat::FailoverPolicy" && !r.replacedBy);
      return Promise.all(policies.map((p) => groupView(detail.stack.id, p, detail.resources)));
    },

    async failover(stack, policy, reason) {
      const { detail, record } = await policyOf(stack, policy);
      if (!activeMemberReader(record).active(record)) throw badRequest(`${policy} has no active member yet (${record.action}_${record.status})`);
      const report = deps.onError ?? ((error: unknown) => console.error(`hearth: failover of ${policy} failed:`, error));
      deps.source().signal(detail.stack.id, policy, { reason, force: true }).catch(report);
    },

    async drill(stack, policy) {
      const { member } = await activeOf(stack, policy);
      await deps.source().fault({ kind: "crash-server", serverId: member.serverId! });
      return { member: member.name, serverId: member.serverId!, crashedAt: new Date(now()).toISOString() };
    },

    async writeCheck(stack, policy) {
      const { group, member } = await activeOf(stack, policy);
      if (group.volumes.length === 0) throw badRequest(`${policy} has no volume following its active member`);
      const content = `written through ${member.name} (${member.serverId}) at ${new Date(now()).toISOString()}`;
      for (const volume of group.volumes) await deps.writeVolume(volume.region, volume.id, member.serverId!, CHECK_KEY, content);
      return content;
    },
  };
}

/** How a resource's plugin reads its group's members; undefined for a type that is no group. */
function groupReader(resource: ResourceRecord): GroupReader | undefined {
  return defaultRegistry.get(resource.type)?.group;
}

/** How a policy's plugin (OS::Heat::FailoverPolicy, checked by policyOf and groups) reads its group and active member. */
function activeMemberReader(policy: ResourceRecord): ActiveMemberReader {
  const reader = defaultRegistry.get(policy.type)?.activeMember;
  if (!reader) throw new EngineError("Internal", `${policy.type} declares no active member reader`);
  return reader;
}

/** Position of a member in the group's order (unknown names last). */
function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i === -1 ? order.length : i;
}
