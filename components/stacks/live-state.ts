/**
 * The detail page's live model: a server-rendered snapshot of a stack, moved forward by the events
 * streamed after it. Pure functions, so the same rules hold for the first render and every update.
 */
import type { EventRecord, ResourceRecord } from "@/lib/engine/ports";

/** One row of the resources table. */
export interface ResourceRow {
  name: string;
  type: string;
  region: string;
  physicalId: string | null;
  /** Full status, e.g. CREATE_IN_PROGRESS. */
  status: string;
  statusReason: string;
  /** The nested stack this resource owns (OS::Heat::Stack, groups, provider templates). */
  nestedStackId: string | null;
}

/** What the page shows live: stack status and resource rows, as of event `lastSeq`. */
export interface LiveStackState {
  stackId: string;
  status: string;
  statusReason: string;
  resources: ResourceRow[];
  /** Sequence number of the newest event applied (or known to be included in the snapshot). */
  lastSeq: number;
}

/** The stack fields the live model needs (a subset of StackRecord). */
export interface StackHead {
  id: string;
  action: string;
  status: string;
  statusReason: string;
}

/** Builds the live model from a snapshot read after the events up to `lastSeq`. */
export function initialLiveState(stack: StackHead, resources: ResourceRecord[], lastSeq: number): LiveStackState {
  return {
    stackId: stack.id,
    status: `${stack.action}_${stack.status}`,
    statusReason: stack.statusReason,
    resources: resources
      .filter((r) => r.replacedBy === null)
      .map((r) => ({
        name: r.name,
        type: r.type,
        region: r.region,
        physicalId: r.physicalId,
        status: `${r.action}_${r.status}`,
        statusReason: r.statusReason,
        nestedStackId: r.nestedStackId,
      })),
    lastSeq,
  };
}

/**
 * Applies one event. Events already applied (seq <= lastSeq) change nothing; events of nested
 * stacks only advance lastSeq (their resources belong to the nested stack's own page).
 */
export function applyEvent(state: LiveStackState, event: EventRecord): LiveStackState {
  if (event.seq <= state.lastSeq) return state;
  const lastSeq = event.seq;
  if (event.stackId !== state.stackId) return { ...state, lastSeq };
  const status = `${event.action}_${event.status}`;
  if (event.isStackEvent) return { ...state, status, statusReason: event.reason, lastSeq };
  const index = state.resources.findIndex((r) => r.name === event.resourceName);
  const previous = index >= 0 ? state.resources[index] : undefined;
  const row: ResourceRow = {
    name: event.resourceName,
    type: previous?.type ?? event.resourceType,
    region: previous?.region ?? "",
    physicalId: event.physicalResourceId ?? previous?.physicalId ?? null,
    status,
    statusReason: event.reason,
    nestedStackId: previous?.nestedStackId ?? null,
  };
  const resources = index >= 0 ? state.resources.with(index, row) : [...state.resources, row];
  return { ...state, resources, lastSeq };
}

/** Adds newly streamed events to a list kept newest first, skipping any already present. */
export function mergeEvents(newestFirst: EventRecord[], incoming: EventRecord[]): EventRecord[] {
  const seen = new Set(newestFirst.map((e) => e.seq));
  const fresh = incoming.filter((e) => !seen.has(e.seq)).sort((a, b) => b.seq - a.seq);
  if (fresh.length === 0) return newestFirst;
  return [...fresh, ...newestFirst].sort((a, b) => b.seq - a.seq);
}
