/**
 * The Hearth facade over its parts (engine, store, cloud, event bus): resolves stacks by name or id,
 * shapes what the console and the CLI show, and routes fault injection to the simulated cloud.
 * Wiring from the environment lives in index.ts; this module only composes what it is given.
 */
import type { SimCloud } from "../cloud/sim";
import { CloudError, type StackRecord, type StackStore } from "../engine/ports";
import { ValidationError } from "../engine/diagnostics";
import { conflict, EngineError, notFound } from "../engine/errors";
import type { StackEngine } from "../engine/stack/api";
import { OWNER_TAG_PREFIX, ownerOf, requireOwnerOverride, type OwnerOverride } from "../federation/ownership";
import type { DivergenceResolver } from "../federation/resolve";
import type { EventFeed } from "../store/ports";
import type { EventBus } from "./event-bus";
import { haConsole } from "./ha/view";
import type { Identity } from "./identity";
import type { SavedTemplates } from "./templates";
import { combinedStatus } from "./status";
import type { FaultCommand, Hearth, StackOwner, StackSummary } from "./types";
import { volumeGuest } from "./volume-data";

/** The operator's side of the simulated cloud: runs inventory, volume reads, faults and flushes on its current state. */

/** The owner a remote child's tags record, for lists (null for a stack nobody owns). */
function ownerSummary(stack: StackRecord): StackOwner | null {
  const owner = ownerOf(stack.tags);
  return owner ? { region: owner.region, stackId: owner.stackId, resource: owner.resource, generation: owner.generation, local: owner.region === stack.region } : null;
}

export interface CloudAdmin {
  use<T>(fn: (sim: Pick<SimCloud, "inventory" | "readVolumeData" | "faults" | "flush" | "region">) => T | Promise<T>): Promise<T>;
}

/** Everything the facade is built from. */
export interface HearthParts {
  engine: StackEngine;
  store: StackStore & EventFeed;
  admin: CloudAdmin;
  bus: EventBus;
  projectId: string;
  /** Saved designer templates. */
  templates: SavedTemplates;
  /** Users, projects, roles and tokens (the Keystone subset). */
  identity: Identity;
  /** Verifies a pre-signed signal URL's token and delivers the signal (lib/services/ha). */
  signalByToken(token: string, readDetails: () => Promise<unknown>): Promise<{ stackId: string; resource: string; action: string }>;
  /** Resolves diverged remote children (a region of a federation; undefined otherwise). */
  resolveDivergence?: DivergenceResolver;
  /** Stops background work (the recovery sweep, the HA monitor) before the engine closes. */
  stop(): void | Promise<void>;
  /** Releases what the parts hold (database connection), after the engine and bus are closed. */
  dispose(): Promise<void>;
}

export { combinedStatus } from "./status";

/** Builds the facade. */
export function buildHearth(parts: HearthParts): Hearth {
  const { engine, store, admin, bus, projectId } = parts;

  /** Finds a live stack by id, else by name; `deleted` also accepts a deleted stack named by id. */
  async function resolve(ref: string, deleted = false): Promise<StackRecord> {
    const byId = await store.getStack(ref);
    if (byId && byId.projectId === projectId && (deleted || !byId.deletedAt)) return byId;
    const byName = await store.findStackByName(projectId, ref);
    if (byName) return byName;
    throw notFound(`Stack ${ref}`);
  }

  /** The stack `ref` for a `change`, refused when it has an owner and the caller did not override it. */
  async function changing(ref: string, change: string, override: OwnerOverride | undefined): Promise<StackRecord> {
    const stack = await resolve(ref);
    requireOwnerOverride(stack, change, override);
    return stack;
  }

  /** Each stack's project, once read (a stack never changes project). */
  const projectOfStack = new Map<string, Promise<string | undefined>>();
  /** Whether a stack (nested ones included) belongs to this Hearth's project. */
  async function inProject(stackId: string): Promise<boolean> {
    let project = projectOfStack.get(stackId);
    if (!project) {
      project = store.getStack(stackId).then((s) => s?.projectId);
      projectOfStack.set(stackId, project);
    }
    return (await project) === projectId;
  }

  /** A stack as lists show it, with the regions its resources live in. */
  async function summarize(stack: StackRecord): Promise<StackSummary> {
    const resources = await store.listResources(stack.id);
    const regions = [...new Set([stack.region, ...resources.map((r) => r.region)])].sort();
    return {
      id: stack.id,
      name: stack.name,
      status: combinedStatus(stack),
      statusReason: stack.statusReason,
      regions,
      createdAt: stack.createdAt,
      updatedAt: stack.updatedAt,
      parentId: stack.parentId,
      owner: ownerSummary(stack),
    };
  }

  const hearth: Hearth = {
    templates: parts.templates,
    ha: haConsole({
      source: () => hearth,
      writeVolume: (region, volumeId, serverId, key, content) => admin.use((sim) => sim.region(region).volume.writeData(volumeId, serverId, key, content)),
    }),
    identity: parts.identity,
    projectId,
    forProject: (id) => (id === projectId ? hearth : buildHearth({ ...parts, projectId: id })),
    validate: (input, options) => engine.validate(input, options),
    preview: (name, input, options) => engine.preview(name, input, { projectId, ...options }),
    create: (name, input, options) => engine.create(name, input, { projectId, ...options }),
    update: async (ref, input, options) => {
      const { overrideOwner, ...rest } = options ?? {};
      return engine.update((await changing(ref, "update", { overrideOwner })).id, input, rest);
    },
    previewUpdate: async (ref, input, options) => engine.previewUpdate((await resolve(ref)).id, input, options),
    delete: async (ref, options) => engine.delete((await changing(ref, "delete", options)).id),
    exportStack: async (ref) => engine.exportStack((await resolve(ref)).id),
    abandon: async (ref, options) => engine.abandon((await changing(ref, "abandon", options)).id),
    cancel: async (ref, options) => engine.cancel((await changing(ref, "cancel", options)).id, { rollback: options?.rollback }),
    check: async (ref) => engine.check((await resolve(ref)).id),
    suspend: async (ref, options) => engine.suspend((await changing(ref, "suspend", options)).id),
    resume: async (ref, options) => engine.resume((await changing(ref, "resume", options)).id),
    releaseOwner: async (ref, options) => {
      const stack = await changing(ref, "release", options);
      await store.updateStack(stack.id, { tags: stack.tags.filter((tag) => !tag.startsWith(OWNER_TAG_PREFIX)) });
    },
    resolveDivergence: async (ref, resource, resolution) => {
      if (!parts.resolveDivergence) throw conflict("Divergence is resolved only by a region of a federation: this Hearth has no remote children");
      await parts.resolveDivergence(store, await resolve(ref), resource, resolution);
    },
    signal: async (ref, resource, details) => engine.signal((await resolve(ref)).id, resource, details),
    signalByToken: (token, readDetails) => parts.signalByToken(token, readDetails),
    markUnhealthy: async (ref, resource, unhealthy, reason) => engine.markUnhealthy((await resolve(ref)).id, resource, unhealthy, reason),

    async listStacks(filter = {}) {
      const stacks = await store.listStacks({ projectId, name: filter.name, status: filter.status, includeNested: filter.includeNested });
      const summaries = await Promise.all(stacks.map(summarize));
      // newest first; ISO times compare as strings (localeCompare's collator costs ~7 ms to start)
      return summaries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    },

    listStackRecords: (filter = {}) => store.listStacks({ projectId, includeNested: filter.includeNested }),

    async getStack(ref) {
      const stack = await resolve(ref);
      const [resources, children] = await Promise.all([
        engine.resources(stack.id),
        store.listStacks({ parentId: stack.id, projectId, includeNested: true }),
      ]);
      return { stack, resources, children: await Promise.all(children.map(summarize)) };
    },

    findStack: (ref) => resolve(ref),

    outputs: async (ref, query) => engine.outputs((await resolve(ref)).id, query),

    async getResource(ref, name) {
      const stack = await resolve(ref);
      const resource = (await engine.resources(stack.id)).find((r) => r.name === name);
      if (!resource) throw notFound(`Resource ${name} of stack ${stack.name}`);
      const { values, errors } = await engine.liveAttributes(stack.id, name);
      return { resource, attributes: values, attributeErrors: errors };
    },

    async resourceMetadata(ref, name) {
      const stack = await resolve(ref);
      return engine.resourceMetadata(stack.id, name);
    },

    async listEvents(ref, options = {}) {
      const stack = await resolve(ref, true);
      const family = options.nested ? await bus.familyOf(stack.id) : [stack.id];
      const stored = await Promise.all(family.map((id) => store.listEvents(id, options.afterSeq ?? 0)));
      const events = family.length === 1 ? stored[0] : stored.flat().sort((a, b) => a.seq - b.seq);
      const matching = options.resource === undefined ? events : events.filter((e) => e.resourceName === options.resource);
      return options.limit === undefined ? matching : matching.slice(0, options.limit);
    },

    lastEventSeq: async (ref) => store.lastEventSeq((await resolve(ref, true)).id),

    async topology(ref) {
      const stack = await resolve(ref);
      const input = { template: stack.template, templateName: stack.templateName ?? undefined, files: stack.files, environments: stack.environments, parameters: stack.parameters };
      try {
        const preview = await engine.preview(stack.name, input, { projectId: stack.projectId, region: stack.region });
        return { stackId: stack.id, resources: preview.resources.map(({ name, type, region, dependsOn }) => ({ name, type, region, dependsOn })) };
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return { stackId: stack.id, resources: [], error: error.message };
      }
    },

    subscribe: (stackId, afterSeq, listener) => bus.subscribe(stackId, afterSeq, listener),
    watchStacks: (listener) =>
      bus.subscribeAll((event) => {
        if (!event.isStackEvent) return;
        void inProject(event.stackId).then((mine) => (mine ? listener(event) : undefined));
      }),

    // a project sees its own cloud objects and the shared ones, never another project's
    cloudInventory: (region) => admin.use((sim) => cloudCall(() => sim.inventory(region, projectId))),

    fault: (command) =>
      admin.use(async (sim) => {
        cloudCall(() => applyFault(sim.faults, command));
        await sim.flush();
      }),

    volumeData: (volumeId, key) => admin.use((sim) => cloudCall(() => sim.readVolumeData(volumeId, key))),
    volumeGuest: volumeGuest((fn) => admin.use(fn), projectId),

    async describeTemplate(input) {
      const result = await engine.validate(input);
      return { diagnostics: result.diagnostics, result };
    },

    async close() {
      await parts.stop();
      await engine.close();
      await bus.close();
      await admin.use((sim) => sim.flush());
      await parts.dispose();
    },
  };
  return hearth;
}

/** Runs a cloud call, turning its CloudError into the engine's typed error (NotFound / BadRequest). */
function cloudCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof CloudError) throw new EngineError(error.code === "NotFound" ? "NotFound" : "BadRequest", error.message);
    throw error;
  }
}

/** Routes one fault command to the sim's controls. */
function applyFault(faults: SimCloud["faults"], command: FaultCommand): void {
  switch (command.kind) {
    case "fail-next":
      return faults.failNext(command.region, command.operation, command.count, command.message);
    case "crash-server":
      return faults.crashServer(command.serverId);
    case "hang-server":
      return faults.hangServer(command.serverId);
    case "recover-server":
      return faults.recoverServer(command.serverId);
    case "region-offline":
      return faults.setRegionOnline(command.region, false);
    case "region-online":
      return faults.setRegionOnline(command.region, true);
    case "clear":
      return faults.clear(command.region);
  }
}
