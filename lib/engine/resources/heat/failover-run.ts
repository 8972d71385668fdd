/**
 * A FailoverPolicy failover as a resumable run of six steps, each timed, read back from the cloud and
 * reported as an event: quiesce the old active member, detach the followers, promote a healthy standby
 * (or a fresh member), attach the followers to it, run the activation config there, and replace the old
 * member so the group is back to full strength.
 *
 * The run's progress (what was held before the detach, who is promoted, the steps done) is kept in the
 * policy's data under `failover`, stored with each step's event. The engine handles one signal to a
 * resource at a time across engines (a lease), so a run found there when a signal arrives is one whose
 * engine went down: the next signal (any engine's: the HA monitor sends one) carries it on from the
 * first step not recorded, and every step is idempotent (a detach or an attach that already happened
 * reads the cloud back and agrees), until the run ends with "completed" or the signal's FAILED event.
 * A run aborted by its engine (lease lost, shutdown) is left recorded, to be carried on.
 */
import { optString, reqString } from "../support/props";
import type { ResourceContext } from "../types";
import { FAILOVER_STEPS } from "./failover-history";
import { followedVolumes, verifyAttached, verifyDetached, verifyServing, type FollowedVolume } from "./failover-readback";
import { groupState, healthyStandbys, quiesce, setFollowers, storedMemberPaths, whileBusy, type StepTime } from "./failover-steps";

/** The data key of a failover under way. */
const IN_FLIGHT = "failover";

/** A failover under way, as stored after each step. */
export interface FailoverProgress {
  /** Epoch ms of its start. */
  started: number;
  reason: string;
  from: string;
  /** The old active member's reference id. */
  fromRef: string | undefined;
  /** The followers' volume attachments before the detach (what the detach read-back checks). */
  held: FollowedVolume[];
  /** The promoted member, once promoted. */
  to?: string;
  /** Whether promoting replaced `from` already (no healthy standby: a fresh member was made). */
  replaced?: boolean;
  steps: StepTime[];
}

/** A finished failover, as the last_failover attribute shows it. */
export interface FailoverRecord {
  time: string;
  reason: string;
  from: string | undefined;
  to: string;
  duration_ms: number;
  steps: StepTime[];
}

/** The failover under way in the policy's data: one whose engine went down when no signal is being handled. */
export function inFlightFailover(data: Readonly<Record<string, string>>): FailoverProgress | undefined {
  return data[IN_FLIGHT] ? (JSON.parse(data[IN_FLIGHT]) as FailoverProgress) : undefined;
}

/** Starts a failover from the active member `from`: records it (stored with the "started" event). */
export async function beginFailover(ctx: ResourceContext, from: string, reason: string): Promise<FailoverProgress> {
  const group = await groupState(ctx);
  const progress: FailoverProgress = { started: ctx.now(), reason, from, fromRef: group.refs[from], held: await followedVolumes(ctx), steps: [] };
  ctx.setData(IN_FLIGHT, JSON.stringify(progress));
  ctx.note(`Failover from ${from} started: ${reason}`);
  return progress;
}

/**
 * Runs the steps of `progress` not done yet, then ends the run: clears it, sets last_failover and the
 * count, and notes "completed". A step that fails ends the run too (cleared; the signal's FAILED event
 * says why) and throws.
 */
export async function runFailover(ctx: ResourceContext, progress: FailoverProgress): Promise<FailoverRecord> {
  let record: FailoverRecord;
  try {
    record = await runSteps(ctx, progress);
  } catch (error) {
    // aborted (the engine lost its lease on the policy's signals, or shuts down): the run stays recorded for a peer
    if (!ctx.abort.aborted) ctx.setData(IN_FLIGHT, undefined);
    throw error;
  }
  ctx.setData(IN_FLIGHT, undefined);
  ctx.setData("last_failover", JSON.stringify(record));
  ctx.setData("failovers", String(Number(ctx.data.failovers ?? 0) + 1));
  ctx.note(`Failover from ${record.from} to ${record.to} completed in ${record.duration_ms} ms`);
  return record;
}

/** Runs one step unless recorded as done: times it, stores the progress with its event; a failure is noted and thrown. */
async function step(ctx: ResourceContext, p: FailoverProgress, name: (typeof FAILOVER_STEPS)[number], work: () => Promise<string>): Promise<void> {
  if (p.steps.some((s) => s.step === name)) return;
  const index = FAILOVER_STEPS.indexOf(name) + 1;
  const start = ctx.now();
  let detail: string;
  try {
    detail = await work();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.note(`Failover ${index}/${FAILOVER_STEPS.length} ${name} FAILED after ${ctx.now() - start} ms: ${reason}`);
    throw new Error(`Failover step ${name} failed: ${reason}`, { cause: error });
  }
  const ms = ctx.now() - start;
  p.steps.push({ step: name, ms, detail });
  ctx.setData(IN_FLIGHT, JSON.stringify(p));
  ctx.note(`Failover ${index}/${FAILOVER_STEPS.length} ${name}: ${detail} (${ms} ms)`);
}

async function runSteps(ctx: ResourceContext, p: FailoverProgress): Promise<FailoverRecord> {
  const signalGroup = async (details: unknown) => {
    if (!ctx.signalPeer) throw new Error(`${ctx.name} cannot reach its group: the engine gives no signalPeer`);
    const signalPeer = ctx.signalPeer;
    await whileBusy(ctx, () => signalPeer(reqString(ctx.properties, "auto_scaling_group_id"), details));
  };
  const { from } = p;
  await step(ctx, p, "quiesce", async () => quiesce(ctx, await groupState(ctx), from));
  await step(ctx, p, "detach", async () => {
    await setFollowers(ctx, undefined, false);
    return `followers detached from ${from}${p.fromRef ? ` (${p.fromRef})` : ""}: ${await verifyDetached(ctx, p.held)}`;
  });
  await step(ctx, p, "promote", async () => {
    const standbys = await healthyStandbys(ctx, await groupState(ctx), from);
    p.replaced = standbys.length === 0;
    if (p.replaced) await signalGroup({ replace: from, reason: `failover: ${p.reason}` });
    const group = await groupState(ctx);
    const to = p.replaced ? group.members.at(-1) : standbys[0];
    if (!to) throw new Error(`Group ${group.ref} has no member to promote`);
    const cloud = await verifyServing(ctx, to, group.refs[to]);
    p.to = to;
    return `${p.replaced ? "no healthy standby: fresh member" : "standby"} ${to} promoted: ${cloud}`;
  });
  const to = p.to;
  if (!to) throw new Error("Failover promoted no member");
  ctx.setData("active", to);
  const newRef = (await groupState(ctx)).refs[to];
  await step(ctx, p, "attach", async () => {
    if (!newRef) throw new Error(`member ${to} has no reference id to attach to`);
    await setFollowers(ctx, newRef, false);
    const cloud = await verifyAttached(ctx, newRef, storedMemberPaths(ctx));
    return `followers attached to ${to} (${newRef})${cloud ? `: ${cloud}` : ""}`;
  });
  await step(ctx, p, "activate", async () => {
    if (!optString(ctx.properties, "activation_config")) return "no activation_config";
    await setFollowers(ctx, newRef, true);
    const volumes = await verifyAttached(ctx, newRef, storedMemberPaths(ctx));
    return `activation config ran on ${to}: ${[await verifyServing(ctx, to, newRef), volumes].filter(Boolean).join("; ")}`;
  });
  await step(ctx, p, "replace", async () => {
    if (p.replaced) return `${from} was replaced when promoting`;
    await signalGroup({ replace: from, reason: `failover: ${p.reason}` });
    const after = await groupState(ctx);
    if (after.members.includes(from)) throw new Error(`${from} is still a member of group ${after.ref}`);
    return `${from} replaced; the group is back to full strength (${after.members.length} members)`;
  });
  return { time: new Date(p.started).toISOString(), reason: p.reason, from, to, duration_ms: ctx.now() - p.started, steps: p.steps };
}
