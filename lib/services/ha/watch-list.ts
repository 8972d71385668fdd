/**
 * The HA monitor's watch list: the live stacks holding a resource of a type it watches (alarms,
 * health-checked groups, failover policies), found by one indexed query (listStacks with
 * `resourceTypes`, the index Resource(type, stackId)) instead of reading every stack and its resources
 * at every tick. While it follows a feed of events (the event bus, which brings other processes' events
 * too) the list is kept and read again only after an event that may change it: a stack event (a stack
 * created, updated or deleted, a group's members changing) or an event of a watched resource type.
 * Without a feed it is read at every tick.
 */
import type { EventRecord, StackRecord, StackStore } from "../../engine/ports";

/** The stacks the monitor looks at. */
export class WatchList {
  private kept: StackRecord[] | undefined;
  /** Counts the events that made the list stale, so a read answered from before one is not kept. */
  private changes = 0;
  private following = false;

  constructor(
    private readonly store: Pick<StackStore, "listStacks">,
    private readonly types: readonly string[],
  ) {}

  /** Keeps the list between reads from now on: `observe` is told of every event after this call. */
  follow(): void {
    this.following = true;
    this.stale();
  }

  /** Stops keeping the list (the feed is gone): every read queries again. */
  unfollow(): void {
    this.following = false;
    this.stale();
  }

  /** Takes note of an event of any stack: the list is read again if it may have changed it. */
  observe(event: EventRecord): void {
    if (event.isStackEvent || this.types.includes(event.resourceType)) this.stale();
  }

  /** The live stacks (nested ones included) holding a watched resource; deleting ones are for the caller to skip. */
  async stacks(): Promise<StackRecord[]> {
    if (this.kept) return this.kept;
    const before = this.changes;
    const stacks = await this.store.listStacks({ includeNested: true, resourceTypes: this.types });
    if (this.following && before === this.changes) this.kept = stacks;
    return stacks;
  }

  private stale(): void {
    this.changes++;
    this.kept = undefined;
  }
}
