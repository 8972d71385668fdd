/**
 * Live state for function resolution and plugin hooks: a RuntimeView over the operation's records,
 * two-pass resolution that fetches missing attributes from plugins (cached in the record), and the
 * ResourceContext handed to hooks.
 */
import type { ResourceContext, ResourcePlugin } from "../resources/types";
import type { RuntimeView } from "../template/types";
import { untilStackFree } from "./lease-wait";
import type { Operation } from "./operation";
import type { RegionClient, ResourceRecord } from "../ports";

/**
 * A ResourceContext plus `flush`, which persists what the hook changed (ids, data, notes), and
 * `flushShared`, which persists only what other hooks may read back from the store (its notes, and
 * its data: ctx.peer reloads a peer's data from the store); a new physical id alone then waits for
 * the caller's next commit of the record.
 */
export interface HookContext {
  ctx: ResourceContext;
  flush(): Promise<void>;
  flushShared(): Promise<void>;
}

/**
 * Builds the context a plugin hook runs with, over the live record `rec`. With `clientToken` (a
 * resource action's attempt, see resource-ops.ts), the cloud clients it hands out make each
 * state-changing call idempotent: one client per region for the whole context, so a peer that
 * re-runs the hook after a crash makes the same stamped calls and gets the first run's objects back.
 */
export function contextFor(
  op: Operation,
  rec: ResourceRecord,
  plugin: ResourcePlugin,
  properties: Record<string, unknown>,
  signal: AbortSignal,
  clientToken?: string,
): HookContext {
  const core = op.core;
  const clients = new Map<string, RegionClient>();
  // the cloud acts for the stack's project, so an id from outside (adopt data, a property) that
  // names another project's object is not found
  const clientFor = (region: string): RegionClient => {
    if (clientToken === undefined) return core.cloud.region(region, op.stack.projectId);
    let client = clients.get(region);
    if (!client) clients.set(region, (client = core.cloud.region(region, op.stack.projectId, clientToken)));
    return client;
  };
  let dirty = false;
  let dataDirty = false;
  let notes: Promise<void> = Promise.resolve();
  let metadata: Record<string, unknown> | undefined;
  const ctx: ResourceContext = {
    stack: { id: op.stack.id, name: op.stack.name, projectId: op.stack.projectId, region: op.stack.region },
    name: rec.name,
    type: plugin.type,
    region: rec.region,
    properties,
    get physicalId() {
      return rec.physicalId ?? undefined;
    },
    setPhysicalId(id) {
      rec.physicalId = id;
      dirty = true;
    },
    data: rec.data,
    setData(key, value) {
      if (value === undefined) delete rec.data[key];
      else rec.data[key] = value;
      dirty = dataDirty = true;
    },
    get metadata() {
      metadata ??= resolveMetadata(op, rec.name);
      return metadata;
    },
    get cloud() {
      return clientFor(rec.region);
    },
    cloudFor: clientFor,
    get nested() {
      return core.nestedFor(op, rec, signal);
    },
    abort: signal,
    random: core.random,
    now: () => core.clock.now(),
    sleep: (ms) => core.clock.sleep(ms, signal),
    untilStackFree: (stackId, until) => untilStackFree(core, stackId, until, signal),
    note(reason) {
      // a note also stores what the hook changed so far, so readers follow a long hook (a failover) step by step
      notes = notes.then(async () => {
        if (dirty && !op.readOnly) {
          dirty = dataDirty = false;
          await core.store.saveResource(rec);
        }
        await op.resourceEvent(rec, rec.action, rec.status, reason);
      });
      // a failed write is the hook's failure at flush, not an unhandled rejection while the hook goes on
      notes.catch(() => undefined);
    },
    async peer(refId) {
      for (const other of op.records.values()) {
        if (other.id !== rec.id && referenceIdOf(op, other) === refId) {
          await refreshData(op, other);
          return { name: other.name, type: other.type, physicalId: other.physicalId ?? undefined, data: other.data };
        }
      }
      return undefined;
    },
    async signalPeer(refId, details) {
      const other = [...op.records.values()].find((r) => r.id !== rec.id && referenceIdOf(op, r) === refId);
      if (!other) throw new Error(`No resource of stack ${op.stack.name} has the reference id ${refId}`);
      await core.signalResource(op.stack.id, other.name, details);
      // the peer's handler changed its stored record: let ctx.peer see its new data
      const fresh = (await core.store.listResources(op.stack.id)).find((r) => r.id === other.id);
      if (fresh) Object.assign(other, fresh);
    },
    signalUrl: (action) => core.presigner?.url({ stackId: op.stack.id, resource: rec.name, action }),
    get identity() {
      return core.identity?.forProject(op.stack.projectId);
    },
  };
  const flush = async () => {
    await notes;
    if (!dirty) return;
    dirty = dataDirty = false;
    await core.store.saveResource(rec);
  };
  return {
    ctx,
    flush,
    flushShared: async () => (dataDirty ? flush() : notes),
  };
}

/**
 * Reloads a record's plugin data from the store: another process (a CLI sending a signal while this
 * engine runs the create) may have written it. Kept in place so later saves carry it forward.
 */
async function refreshData(op: Operation, rec: ResourceRecord): Promise<void> {
  const stored = (await op.core.store.listResources(op.stack.id)).find((r) => r.id === rec.id);
  if (!stored) return;
  for (const key of Object.keys(rec.data)) if (!(key in stored.data)) delete rec.data[key];
  Object.assign(rec.data, stored.data);
}

function resolveMetadata(op: Operation, name: string): Record<string, unknown> {
  if (!op.compiled?.resources[name]) return {};
  try {
    return op.compiled.resolveMetadata(name, new LiveView(op));
  } catch {
    return {};
  }
}

/** get_resource of a record: the plugin's reference id, else its physical id, else its name (as Heat). */
export function referenceIdOf(op: Operation, rec: ResourceRecord): string {
  const plugin = op.pluginOf(rec);
  const hook = plugin.handlers.referenceId;
  const ref = hook ? hook(contextFor(op, rec, plugin, rec.properties, op.signal).ctx) : rec.physicalId;
  return ref ?? rec.name;
}

interface Miss {
  name: string;
  attr: string;
  path: (string | number)[];
}

const pathKey = (attr: string, path: (string | number)[]) => JSON.stringify([attr, ...path]);

function cacheOf(op: Operation, rec: ResourceRecord): Map<string, unknown> {
  let cache = op.attributeCache.get(rec.id);
  if (!cache) op.attributeCache.set(rec.id, (cache = new Map()));
  return cache;
}

function dig(value: unknown, path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** A RuntimeView over the operation's current records; records attributes it does not have yet. */
class LiveView implements RuntimeView {
  readonly misses: Miss[] = [];

  constructor(private readonly op: Operation) {}

  referenceId(resource: string): string | undefined {
    const rec = this.op.records.get(resource);
    return rec && referenceIdOf(this.op, rec);
  }

  attribute(resource: string, attribute: string, path: (string | number)[]): unknown {
    const rec = this.op.records.get(resource);
    if (!rec) return undefined;
    if (this.op.pluginOf(rec).handlers.attributeAt) {
      const cache = cacheOf(this.op, rec);
      const key = pathKey(attribute, path);
      if (cache.has(key)) return cache.get(key);
      this.misses.push({ name: resource, attr: attribute, path });
      return undefined;
    }
    if (attribute in rec.attributes) return dig(rec.attributes[attribute], path);
    this.misses.push({ name: resource, attr: attribute, path: [] });
    return undefined;
  }

  allAttributes(resource: string): Record<string, unknown> {
    const rec = this.op.records.get(resource);
    if (!rec) return {};
    const names = Object.keys(this.op.pluginOf(rec).attributes);
    return Object.fromEntries(names.map((attr) => [attr, this.attribute(resource, attr, [])]));
  }
}

/** Asks plugins for the attributes a resolution pass missed and caches them. */
async function fetchMisses(op: Operation, misses: Miss[], signal: AbortSignal): Promise<void> {
  const touched = new Set<ResourceRecord>();
  for (const m of misses) {
    const rec = op.records.get(m.name)!;
    const plugin = op.pluginOf(rec);
    const { ctx } = contextFor(op, rec, plugin, rec.properties, signal);
    if (plugin.handlers.attributeAt) {
      cacheOf(op, rec).set(pathKey(m.attr, m.path), await plugin.handlers.attributeAt(ctx, m.attr, m.path));
    } else if (!(m.attr in rec.attributes)) {
      rec.attributes[m.attr] = await plugin.handlers.attribute?.(ctx, m.attr);
      touched.add(rec);
    }
  }
  if (!op.readOnly) for (const rec of touched) await op.core.store.saveResource(rec);
}

/**
 * Evaluates `fn` against live state. Attributes not cached yet are fetched from their plugins and
 * the evaluation repeated, so `fn` (compiled.resolveProperties, resolveOutput...) can stay synchronous.
 */
export async function resolveLive<T>(op: Operation, fn: (view: RuntimeView) => T, signal = op.signal): Promise<T> {
  for (let pass = 0; ; pass++) {
    const view = new LiveView(op);
    let value: T | undefined;
    let error: unknown;
    let failed = false;
    try {
      value = fn(view);
    } catch (e) {
      error = e;
      failed = true;
    }
    if (view.misses.length === 0 || pass >= 4) {
      if (failed) throw error;
      return value as T;
    }
    await fetchMisses(op, view.misses, signal);
  }
}

/** A view for preview: nothing exists yet, so get_resource gives the resource's name (as Heat does). */
export function previewView(names: Iterable<string>): RuntimeView {
  const known = new Set(names);
  return {
    referenceId: (r) => (known.has(r) ? r : undefined),
    attribute: () => undefined,
    allAttributes: () => ({}),
  };
}
