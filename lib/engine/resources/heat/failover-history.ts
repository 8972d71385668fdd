/**
 * The failover history of an OS::Heat::FailoverPolicy, read back from its events: the policy notes
 * "Failover from A started: reason", one "Failover k/6 step: detail (N ms)" per step and "Failover from
 * A to B completed in N ms" (failover-run.ts). Pure and beside the policy that writes those notes, so
 * the services read it and the console's client components fold streamed events into it as they arrive.
 */
import type { EventRecord } from "../../ports";

/** The steps of a failover, in order. */
export const FAILOVER_STEPS = ["quiesce", "detach", "promote", "attach", "activate", "replace"] as const;

/** One finished step of a failover. */
export interface FailoverStepRun {
  step: string;
  detail: string;
  ms: number;
}

/** One failover: running (steps so far), completed, or failed. */
export interface FailoverRun {
  /** Sequence number of the event that started it (a stable key). */
  seq: number;
  startedAt: string;
  reason: string;
  from: string;
  to: string | null;
  state: "running" | "completed" | "failed";
  steps: FailoverStepRun[];
  /** Total duration (completed runs). */
  durationMs: number | null;
  /** Why it failed (failed runs). */
  error: string | null;
}

/** What the history reads of an event. */
export type FailoverEvent = Pick<EventRecord, "seq" | "reason" | "time" | "action" | "status">;

/** Why a failover that never recorded its end shows as failed once the next one starts. */
export const NO_END = "Ended without an end event: its engine went down";

const STARTED = /^Failover from (.+?) started: (.*)$/s;
const STEP = /^Failover \d+\/\d+ (\w+): (.*) \((\d+) ms\)$/s;
const COMPLETED = /^Failover from (.+?) to (.+?) completed in (\d+) ms$/;

/** Applies one event of the policy to the runs (newest last); returns the same array when nothing changed. */
export function applyFailoverEvent(runs: readonly FailoverRun[], event: FailoverEvent): readonly FailoverRun[] {
  const current = runs.at(-1);
  const open = current?.state === "running" ? current : undefined;
  const replaceOpen = (next: FailoverRun) => [...runs.slice(0, -1), next];
  const started = STARTED.exec(event.reason);
  if (started) {
    const run: FailoverRun = { seq: event.seq, startedAt: event.time, reason: started[2], from: started[1], to: null, state: "running", steps: [], durationMs: null, error: null };
    // one policy runs one failover at a time: an open run before a new start has ended unrecorded
    // (an engine killed before failovers were carried on after a crash)
    return [...(open ? replaceOpen({ ...open, state: "failed", error: NO_END }) : runs), run];
  }
  if (!open) return runs;
  const step = STEP.exec(event.reason);
  if (step) return replaceOpen({ ...open, steps: [...open.steps, { step: step[1], detail: step[2], ms: Number(step[3]) }] });
  const completed = COMPLETED.exec(event.reason);
  if (completed) return replaceOpen({ ...open, to: completed[2], state: "completed", durationMs: Number(completed[3]) });
  if (event.action === "SIGNAL" && event.status === "FAILED") return replaceOpen({ ...open, state: "failed", error: event.reason });
  return runs;
}

/** The failovers told by a policy's events (any order), oldest first. */
export function failoverHistory(events: readonly FailoverEvent[]): readonly FailoverRun[] {
  return [...events].sort((a, b) => a.seq - b.seq).reduce<readonly FailoverRun[]>(applyFailoverEvent, []);
}

