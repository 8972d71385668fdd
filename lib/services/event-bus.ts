/**
 * The event bus: the engine's EventSink plus the `subscribe` replay-then-live contract of Hearth.
 * Events reach each subscriber in sequence order, each exactly once: those written by another process
 * sharing the database are found by polling the log while anyone listens; one published by this
 * process is delivered at once when it directly follows what every subscriber has seen (and its
 * stack's place in the tree is known), else it wakes the pump, which reads the log from the database.
 */
import type { EventRecord, EventSink, StackStore } from "../engine/ports";
import type { EventFeed } from "../store/ports";

/** Options of the bus. */
export interface EventBusOptions {
  store: StackStore & EventFeed;
  /** How often to look for events written by other processes while there are subscribers. */
  pollIntervalMs?: number;
  /** Where pump failures are reported (default console.error). */
  onError?: (error: unknown) => void;
}

/** One subscription: events of `root` and its nested stacks (every stack when null) after `cursor`. */
interface Subscriber {
  root: string | null;
  cursor: number;
  listener: (event: EventRecord) => void;
}

/** How many events one read of the log fetches. */
const BATCH = 500;
/** Nesting deeper than this is treated as unrelated (guards against a corrupt parent cycle). */
const MAX_DEPTH = 32;

/** Fans stored events out to subscribers of a stack tree. */
export class EventBus implements EventSink {
  private readonly store: StackStore & EventFeed;
  private readonly pollIntervalMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly subscribers = new Set<Subscriber>();
  private readonly parents = new Map<string, string | null>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private closed = false;

  constructor(options: EventBusOptions) {
    this.store = options.store;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.onError = options.onError ?? ((error) => console.error("hearth event bus:", error));
  }

  /** Called by the engine after each event is stored: deliver it (and anything before it) now. */
  publish(event: EventRecord): void {
    if (this.subscribers.size === 0 || this.deliverNext(event)) return;
    void this.pump();
  }

  /**
   * The fast path: when no pump runs, every subscriber has seen up to the seq just before this event
   * (so nothing is missing in between) and the stack's ancestry is cached, delivers it without
   * reading the log. Returns false when the log has to be read instead.
   */
  private deliverNext(event: EventRecord): boolean {
    if (this.pumping || this.closed) return false;
    const subscribers = [...this.subscribers];
    if (!subscribers.every((s) => s.cursor === event.seq - 1)) return false;
    // Subscribers of every stack need no ancestry: the HA monitor's alone must not send each event through the log.
    const ancestry = subscribers.every((s) => s.root === null) ? [] : this.knownAncestry(event.stackId);
    if (!ancestry) return false;
    for (const subscriber of subscribers) {
      subscriber.cursor = event.seq;
      if (subscriber.root === null || ancestry.includes(subscriber.root)) deliver(subscriber.listener, event, this.onError);
    }
    return true;
  }

  /** A stack and its ancestors from the cache, or undefined when part of the chain is not cached yet. */
  private knownAncestry(stackId: string): string[] | undefined {
    const chain = [stackId];
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const parent = this.parents.get(chain[chain.length - 1]);
      if (parent === undefined) return undefined;
      if (parent === null) return chain;
      chain.push(parent);
    }
    return chain;
  }

  /**
   * Replays the stored events of `stackId` and its nested stacks after `afterSeq`, then delivers new
   * ones as they are stored. Resolves once the replay has been delivered; returns unsubscribe.
   */
  async subscribe(stackId: string, afterSeq: number, listener: (event: EventRecord) => void): Promise<() => void> {
    const head = await this.store.lastEventSeq();
    // Cache the root's own parent too, so the fast path knows the ancestry of the root's events.
    await this.parentOf(stackId);
    const family = await this.familyOf(stackId);
    const stored = await Promise.all(family.map((id) => this.store.listEvents(id, afterSeq)));
    const replay = stored.flat().filter((event) => event.seq <= head).sort((a, b) => a.seq - b.seq);
    for (const event of replay) deliver(listener, event, this.onError);
    return this.add({ root: stackId, cursor: Math.max(afterSeq, head), listener });
  }

  /** Delivers every event stored from now on, of every stack (no replay). Returns unsubscribe. */
  async subscribeAll(listener: (event: EventRecord) => void): Promise<() => void> {
    return this.add({ root: null, cursor: await this.store.lastEventSeq(), listener });
  }

  /** Starts delivering to a subscriber (and polling for other processes' events). */
  private add(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    this.startPolling();
    void this.pump();
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.stopPolling();
    };
  }

  /** Stops polling and drops every subscriber. */
  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    this.stopPolling();
    await this.pumping;
  }

  /** Runs one pump at a time; a request during a run makes it run again afterwards. */
  private pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      do {
        this.pumpAgain = false;
        try {
          await this.drain();
        } catch (error) {
          if (!this.closed) this.onError(error);
        }
      } while (this.pumpAgain && !this.closed);
      this.pumping = undefined;
    })();
    return this.pumping;
  }

  /** Reads the log after the slowest subscriber and delivers each event to the subscribers it concerns. */
  private async drain(): Promise<void> {
    while (this.subscribers.size > 0 && !this.closed) {
      const from = Math.min(...[...this.subscribers].map((s) => s.cursor));
      const events = await this.store.eventsAfter(from, BATCH);
      for (const event of events) {
        for (const subscriber of [...this.subscribers]) {
          if (event.seq <= subscriber.cursor) continue;
          subscriber.cursor = event.seq;
          if (await this.isWithin(event.stackId, subscriber.root)) deliver(subscriber.listener, event, this.onError);
        }
      }
      if (events.length < BATCH) return;
    }
  }

  /** True when `stackId` is `root` or nested (at any depth) under it; every stack is within null. */
  private async isWithin(stackId: string, root: string | null): Promise<boolean> {
    if (root === null) return true;
    let current: string | null = stackId;
    for (let depth = 0; current !== null && depth < MAX_DEPTH; depth++) {
      if (current === root) return true;
      current = await this.parentOf(current);
    }
    return false;
  }

  /** The parent stack id of a stack (cached: a stack's parent never changes). */
  private async parentOf(stackId: string): Promise<string | null> {
    const known = this.parents.get(stackId);
    if (known !== undefined) return known;
    const parent = (await this.store.getStack(stackId))?.parentId ?? null;
    this.parents.set(stackId, parent);
    return parent;
  }

  /** A stack and all its nested stacks, deleted ones included (their events still replay). */
  async familyOf(stackId: string): Promise<string[]> {
    const family = [stackId];
    for (let i = 0; i < family.length && family.length < 10_000; i++) {
      const children = await this.store.listStacks({ parentId: family[i], includeNested: true, includeDeleted: true });
      for (const child of children) {
        this.parents.set(child.id, family[i]);
        family.push(child.id);
      }
    }
    return family;
  }

  private startPolling(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.pump(), this.pollIntervalMs);
    // Polling alone must not keep a CLI process alive.
    this.timer.unref?.();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** Calls a listener, isolating the bus from its failures. */
function deliver(listener: (event: EventRecord) => void, event: EventRecord, onError: (error: unknown) => void): void {
  try {
    listener(event);
  } catch (error) {
    onError(error);
  }
}
