/**
 * `--wait`: prints the stack's events as they are stored (heatclient's log lines) until the
 * operation ends, and tells whether it ended FAILED.
 */
import type { OperationHandle } from "../lib/engine/stack/api";
import type { EventRecord, StackRecord } from "../lib/engine/ports";
import { combinedStatus } from "../lib/services/status";
import type { CliContext } from "./context";
import { eventLogLine } from "./views";

/** How an operation ended. */
export interface WaitResult {
  stack: StackRecord;
  failed: boolean;
  /** heatclient's closing message: " Stack NAME STATUS ". */
  message: string;
}

/**
 * Follows a started operation. The subscription replays every event after `afterSeq` (taken before
 * the operation started; 0 for a new stack), so none is missed. Only the stack's own events are
 * printed, not its nested stacks' (as heatclient does without --nested-depth).
 */
export async function waitForOperation(ctx: CliContext, afterSeq: number, handle: OperationHandle): Promise<WaitResult> {
  const hearth = await ctx.open();
  let printed = afterSeq;
  let done = false;
  // The lines of one turn of the event loop go out in one write: a write per line was 26 ms of a
  // create of 1000 (2000 lines), one per turn is a few.
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) ctx.print(lines.join("\n"));
    lines = [];
  };
  const show = (event: EventRecord) => {
    if (done || event.seq <= printed || event.stackId !== handle.stackId) return;
    printed = event.seq;
    if (lines.push(eventLogLine(event)) === 1) setImmediate(flush);
  };
  const unsubscribe = await hearth.subscribe(handle.stackId, afterSeq, show);
  let stack: StackRecord;
  try {
    stack = await handle.done;
    // Events stored but not yet delivered by the bus are read directly, then the stream stops.
    for (const event of await hearth.listEvents(handle.stackId, { afterSeq: printed })) show(event);
  } finally {
    done = true;
    unsubscribe();
    flush();
  }
  return { stack, failed: stack.status === "FAILED", message: `\n Stack ${stack.name} ${combinedStatus(stack)} \n` };
}

/** The sequence number of a stack's last stored event (before starting an operation on it). */
export async function lastSeq(ctx: CliContext, stack: string): Promise<number> {
  return (await ctx.open()).lastEventSeq(stack);
}
