/**
 * An in-memory StackStore: the engine's persistence port for tests and benchmarks. Records are
 * deep-copied in and out so callers can never mutate stored state behind the store's
 * back, as with a real database. Locks expire on the given clock.
 */
import type { EventRecord, ResourceRecord, StackFilter, StackLock, StackRecord, StackStore, StoreChange } from "../ports";

/** Deep copy of JSON-like data (records hold nothing else); much cheaper than structuredClone. */
function copy<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = copy((v as Record<string, unknown>)[k]);
  return out as T;
}

/** Matches a stack against a list filter; `status` may be "CREATE_COMPLETE" or just "COMPLETE". */
export function matchesFilter(s: StackRecord, f: StackFilter): boolean {
  if (!f.includeDeleted && s.deletedAt) return false;
  if (f.projectId !== undefined && s.projectId !== f.projectId) return false;
  if (f.name !== undefined && s.name !== f.name) return false;
  if (f.status !== undefined && f.status !== s.status && f.status !== `${s.action}_${s.status}`) return false;
  if (f.parentId !== undefined) return s.parentId === f.parentId;
  return f.includeNested === true || s.parentId === null;
}

/** The in-memory store. `now` is the time source for lock expiry (default Date.now). */
export class MemoryStackStore implements StackStore {
  private readonly stacks = new Map<string, StackRecord>();
  private readonly resources = new Map<string, ResourceRecord>();
  private readonly events = new Map<string, EventRecord[]>();
  private readonly locks = new Map<string, StackLock>();
  private seq = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async commit(change: StoreChange): Promise<EventRecord[]> {
    // checked before anything is written: a refused unit leaves no trace, as in a transaction
    if (change.stack && !this.stacks.has(change.stack.id)) throw new Error(`stack ${change.stack.id} not found`);
    if (change.stack) await this.updateStack(change.stack.id, change.stack.patch);
    for (const record of change.resources ?? []) await this.saveResource(record);
    for (const id of change.deletedResources ?? []) await this.deleteResource(id);
    const events: EventRecord[] = [];
    for (const event of change.events ?? []) events.push(await this.appendEvent(event));
    return events;
  }

  async createStack(record: StackRecord): Promise<void> {
    if (this.stacks.has(record.id)) throw new Error(`stack ${record.id} already exists`);
    this.stacks.set(record.id, copy(record));
  }

  async getStack(id: string): Promise<StackRecord | undefined> {
    const s = this.stacks.get(id);
    return s && copy(s);
  }

  async findStackByName(projectId: string, name: string): Promise<StackRecord | undefined> {
    for (const s of this.stacks.values()) if (s.projectId === projectId && s.name === name && !s.deletedAt) return copy(s);
    return undefined;
  }

  async listStacks(filter: StackFilter): Promise<StackRecord[]> {
    const types = filter.resourceTypes && new Set(filter.resourceTypes);
    const holding = types && new Set([...this.resources.values()].filter((r) => types.has(r.type)).map((r) => r.stackId));
    return [...this.stacks.values()].filter((s) => matchesFilter(s, filter) && (!holding || holding.has(s.id))).map(copy);
  }

  async updateStack(id: string, patch: Partial<StackRecord>): Promise<void> {
    const s = this.stacks.get(id);
    if (!s) throw new Error(`stack ${id} not found`);
    this.stacks.set(id, { ...s, ...copy(patch), id });
  }

  async purgeStack(id: string): Promise<void> {
    this.stacks.delete(id);
    this.events.delete(id);
    this.locks.delete(id);
    for (const [rid, r] of this.resources) if (r.stackId === id) this.resources.delete(rid);
  }

  async listResources(stackId: string): Promise<ResourceRecord[]> {
    return [...this.resources.values()].filter((r) => r.stackId === stackId).map(copy);
  }

  async saveResource(record: ResourceRecord): Promise<void> {
    this.resources.set(record.id, copy(record));
  }

  async deleteResource(id: string): Promise<void> {
    this.resources.delete(id);
  }

  async appendEvent(event: Omit<EventRecord, "id" | "seq">): Promise<EventRecord> {
    const seq = ++this.seq;
    const stored: EventRecord = { ...copy(event), id: `ev-${seq}`, seq };
    const list = this.events.get(event.stackId) ?? [];
    list.push(stored);
    this.events.set(event.stackId, list);
    return copy(stored);
  }

  async listEvents(stackId: string, afterSeq = 0, limit?: number): Promise<EventRecord[]> {
    const after = (this.events.get(stackId) ?? []).filter((e) => e.seq > afterSeq);
    return (limit === undefined ? after : after.slice(0, limit)).map(copy);
  }

  async acquireLock(stackId: string, owner: string, ttlMs: number): Promise<boolean> {
    const held = this.locks.get(stackId);
    if (held && held.owner !== owner && held.expiresAt > this.now()) return false;
    this.locks.set(stackId, { stackId, owner, expiresAt: this.now() + ttlMs });
    return true;
  }

  async renewLock(stackId: string, owner: string, ttlMs: number): Promise<boolean> {
    const held = this.locks.get(stackId);
    if (!held || held.owner !== owner) return false;
    held.expiresAt = this.now() + ttlMs;
    return true;
  }

  async releaseLock(stackId: string, owner: string): Promise<void> {
    if (this.locks.get(stackId)?.owner === owner) this.locks.delete(stackId);
  }

  async getLock(stackId: string): Promise<StackLock | undefined> {
    const l = this.locks.get(stackId);
    return l && copy(l);
  }

  async expiredLocks(now: number): Promise<StackLock[]> {
    return [...this.locks.values()].filter((l) => l.expiresAt <= now).map(copy);
  }
}
