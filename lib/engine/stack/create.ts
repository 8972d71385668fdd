/**
 * Stack create: refuse a duplicate name (as Heat, before parsing), compile strictly (errors are thrown
 * before anything is written), store the stack, then create resources in dependency order. With rollback enabled, a failed
 * create deletes what it made (ROLLBACK_IN_PROGRESS -> ROLLBACK_COMPLETE), as Heat does.
 */
import { conflict } from "../errors";
import type { CompiledResource, StackInput } from "../template/types";
import type { CreateOptions, OperationHandle } from "./api";
import { type EngineCore, inTurn, isoNow, newId } from "./core";
import { compileOrThrow, definitionOf } from "./definition";
import type { Operation } from "./operation";
import type { ResourceRecord, StackRecord } from "../ports";
import { ResourceFailure } from "./failure";
import { checkNewStack, checkTreeResources } from "./limits";
import { checkTimeout } from "./options";
import { createResource } from "./resource-ops";
import { startOperation, type StartOptions } from "./run";
import { graphOf, walkStack } from "./stack-walk";
import { allRecords, deleteRecords } from "./teardown";

/** Where a nested stack hangs in its parent. */
export interface Nesting extends StartOptions {
  parentId: string;
  parentResource: string;
}

/** The record of a stack about to be stored: INIT_COMPLETE, generation 1. */
function newStackRecord(core: EngineCore, who: Pick<StackRecord, "name" | "id" | "projectId" | "region">, def: ReturnType<typeof definitionOf>, options: CreateOptions, nesting?: Nesting): StackRecord {
  return {
    ...who,
    ...def,
    parentId: nesting?.parentId ?? null,
    parentResource: nesting?.parentResource ?? null,
    action: "INIT",
    status: "COMPLETE",
    statusReason: "",
    previous: null,
    disableRollback: !options.enableRollback,
    timeoutMins: options.timeoutMins ?? null,
    tags: options.tags ?? [],
    generation: 1,
    createdAt: isoNow(core),
    updatedAt: null,
    deletedAt: null,
  };
}

/**
 * Validates, stores and starts creating a stack; `run` does the work under the stack's lock (the
 * create itself, or an adopt of existing resources).
 */
export async function createStack(core: EngineCore, name: string, input: StackInput, options: CreateOptions, nesting?: Nesting, run: (op: Operation) => Promise<void> = runCreate): Promise<OperationHandle> {
  checkTimeout(options.timeoutMins);
  const def = definitionOf(input);
  const who = { name, id: newId(), projectId: options.projectId, region: options.region ?? core.defaultRegion };
  const admit = async () => {
    if (await core.store.findStackByName(options.projectId, name)) throw conflict(`The Stack (${name}) already exists.`);
    const root = await checkNewStack(core, options.projectId, nesting?.parentId);
    const compiled = compileOrThrow(core, def, who);
    await checkTreeResources(core, root, Object.keys(compiled.resources).length);
    const record = newStackRecord(core, who, def, options, nesting);
    await core.store.createStack(record);
    return { compiled, record };
  };
  // A nested stack's checks concern its own tree (depth, resources), which its parent's operation serializes.
  const { compiled, record } = nesting ? await admit() : await inTurn(core.admissions, options.projectId, admit);
  const { done } = await startOperation(
    core,
    record,
    async (op) => {
      op.compiled = compiled;
      await run(op);
    },
    nesting,
  );
  return { stackId: record.id, done };
}

/**
 * Stores every resource of the compiled stack that has no record yet at once as INIT_COMPLETE (as
 * Heat lists them), before any is started: all of them for a new stack; after a take-over, those the
 * crashed engine had not stored.
 */
export async function storeInitRecords(op: Operation): Promise<void> {
  const records = Object.values(op.compiled!.resources)
    .filter((res) => !op.records.has(res.name))
    .map((res) => op.newRecord(res));
  for (const rec of records) op.records.set(rec.name, rec);
  if (records.length) await op.core.store.commit({ resources: records });
}

async function runCreate(op: Operation): Promise<void> {
  await op.setStack("CREATE", "IN_PROGRESS", "Stack CREATE started");
  await continueCreate(op);
}

/**
 * Creates what `op.compiled` has and the stack has not yet created, then completes the stack (or
 * fails it, rolling back when enabled). A resource already CREATE_COMPLETE is kept, one IN_PROGRESS
 * is created again with its recorded attempt, so the cloud gives back what the first run made; one
 * that FAILED fails the create with its recorded reason. Used by a create, and by an engine taking
 * over one that a crashed engine left IN_PROGRESS.
 */
export async function continueCreate(op: Operation): Promise<void> {
  const compiled = op.compiled!;
  await storeInitRecords(op);
  const failure = await walkStack(op, graphOf(compiled), "CREATE", (name, signal) => createOrKeep(op, compiled.resources[name], op.records.get(name)!, signal));
  if (!failure) return op.setStack("CREATE", "COMPLETE", "Stack CREATE completed successfully");
  await op.setStack("CREATE", "FAILED", failure);
  if (!op.shouldRollback()) return;
  await op.setStack("ROLLBACK", "IN_PROGRESS", "Stack ROLLBACK started");
  await continueCreateRollback(op);
}

async function createOrKeep(op: Operation, res: CompiledResource, rec: ResourceRecord, signal: AbortSignal): Promise<void> {
  if (rec.action === "CREATE" && rec.status === "COMPLETE") return;
  if (rec.action === "CREATE" && rec.status === "FAILED") throw new ResourceFailure(rec.statusReason, rec.name, "CREATE");
  await createResource(op, res, rec, signal);
}

/** The rollback of a failed create (or its continuation after a take-over): deletes every resource. */
export async function continueCreateRollback(op: Operation): Promise<void> {
  const rollbackFailure = await deleteRecords(op, allRecords(op), "DELETE", op.compiled);
  if (rollbackFailure) await op.setStack("ROLLBACK", "FAILED", rollbackFailure);
  else await op.setStack("ROLLBACK", "COMPLETE", "Stack ROLLBACK completed successfully");
}
