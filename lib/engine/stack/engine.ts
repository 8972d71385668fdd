/**
 * The StackEngine: each public operation delegates to its lifecycle module (create, update, delete,
 * stack actions, resource commands, recovery). It owns the wiring (EngineCore) and process-level
 * concerns: close() and, for recovery tests, a simulated crash.
 */
import { EngineError } from "../errors";
import type { StackInput } from "../template/types";
import type { CreateOptions, EngineOptions, LiveAttributes, OperationHandle, OutputQuery, PreviewResult, StackEngine, StackOutput, UpdateOptions, UpdatePreview, ValidateResult } from "./api";
import { type Compiler, type EngineCore, makeCore } from "./core";
import { abandonStack, exportStack, type AbandonData } from "./abandon";
import { adoptStack } from "./adopt";
import { createStack } from "./create";
import { deleteStack } from "./delete";
import { haltingStore } from "./halting-store";
import { liveStack } from "./load";
import { nestedOps } from "./nested";
import { withRemoteNested } from "./nested-remote";
import type { ResourceRecord } from "../ports";
import { readOutputs } from "./outputs";
import { previewStack, validateTemplate } from "./preview";
import { readLiveAttributes, readMetadata } from "./reads";
import { recoverStacks } from "./recover";
import { markResourceUnhealthy, signalResource } from "./resource-commands";
import { runStackAction } from "./stack-actions";
import { updateStack } from "./update";
import { previewUpdate } from "./update-preview";

/** The engine implementation behind createEngine(). */
export class HearthEngine implements StackEngine {
  private readonly core: EngineCore;
  private readonly halt: () => void;

  constructor(options: EngineOptions, compile: Compiler) {
    const halting = haltingStore(options.store);
    this.core = makeCore({ ...options, store: halting.store }, compile, {
      nestedFor: (core, op, rec, signal) => withRemoteNested(core, options.remoteNested, op, rec, signal, nestedOps(core, op, rec, signal)),
      signalResource,
    });
    this.halt = halting.halt;
  }

  async validate(input: StackInput, options: { region?: string; strict?: boolean } = {}): Promise<ValidateResult> {
    return validateTemplate(this.core, input, options);
  }

  async preview(name: string, input: StackInput, options: CreateOptions): Promise<PreviewResult> {
    return previewStack(this.core, name, input, options);
  }

  create(name: string, input: StackInput, options: CreateOptions): Promise<OperationHandle> {
    const { adoptData, ...rest } = options;
    return adoptData ? adoptStack(this.core, name, input, adoptData, rest) : createStack(this.core, name, input, rest);
  }

  exportStack(stackId: string): Promise<AbandonData> {
    return exportStack(this.core, stackId);
  }

  abandon(stackId: string): Promise<AbandonData> {
    return abandonStack(this.core, stackId);
  }

  update(stackId: string, input: Partial<StackInput>, options?: UpdateOptions): Promise<OperationHandle> {
    return updateStack(this.core, stackId, input, options);
  }

  previewUpdate(stackId: string, input: Partial<StackInput>, options?: UpdateOptions): Promise<UpdatePreview> {
    return previewUpdate(this.core, stackId, input, options);
  }

  delete(stackId: string): Promise<OperationHandle> {
    return deleteStack(this.core, stackId);
  }

  async cancel(stackId: string, options: { rollback?: boolean } = {}): Promise<void> {
    const stack = await liveStack(this.core, stackId);
    const running = this.core.running.get(stackId);
    if (stack.status !== "IN_PROGRESS" || !running) {
      if (stack.status === "IN_PROGRESS") throw new EngineError("Conflict", `Stack ${stack.name} is being operated by another engine`);
      throw new EngineError("BadRequest", `Cancelling ${stack.action.toLowerCase()} when stack is ${stack.action}_${stack.status} is not supported`);
    }
    // Heat's cancel_update rolls back; a cancelled create rolls back only when rollback is enabled
    const rollback = options.rollback !== false && (stack.action !== "CREATE" || !stack.disableRollback);
    running.cancel(`Stack ${stack.action} cancelled`, rollback);
  }

  check(stackId: string): Promise<OperationHandle> {
    return runStackAction(this.core, stackId, "CHECK");
  }

  suspend(stackId: string): Promise<OperationHandle> {
    return runStackAction(this.core, stackId, "SUSPEND");
  }

  resume(stackId: string): Promise<OperationHandle> {
    return runStackAction(this.core, stackId, "RESUME");
  }

  signal(stackId: string, resource: string, details: unknown): Promise<void> {
    return signalResource(this.core, stackId, resource, details);
  }

  markUnhealthy(stackId: string, resource: string, unhealthy: boolean, reason?: string): Promise<void> {
    return markResourceUnhealthy(this.core, stackId, resource, unhealthy, reason);
  }

  async resourceAttributes(stackId: string, resource: string): Promise<Record<string, unknown>> {
    return (await readLiveAttributes(this.core, stackId, resource)).values;
  }

  liveAttributes(stackId: string, resource: string): Promise<LiveAttributes> {
    return readLiveAttributes(this.core, stackId, resource);
  }

  resourceMetadata(stackId: string, resource: string): Promise<Record<string, unknown>> {
    return readMetadata(this.core, stackId, resource);
  }

  async resources(stackId: string): Promise<ResourceRecord[]> {
    const stack = await this.core.store.getStack(stackId);
    if (!stack) throw new EngineError("NotFound", `The Stack (${stackId}) not found`);
    return (await this.core.store.listResources(stackId)).filter((r) => !r.replacedBy);
  }

  outputs(stackId: string, query?: OutputQuery): Promise<StackOutput[]> {
    return readOutputs(this.core, stackId, query);
  }

  recover(): Promise<string[]> {
    return recoverStacks(this.core);
  }

  async close(): Promise<void> {
    this.core.closed = true;
    const running = [...this.core.running.values()];
    for (const r of running) r.operation()?.abort({ kind: "shutdown", message: "The engine is shutting down", rollback: false });
    await Promise.all(running.map((r) => r.finished));
    // Signals being handled (a failover, say) finish before the store they write to goes away.
    await Promise.all(this.core.signalQueues.values());
  }

  /**
   * Test hook: dies on the spot, as a killed process would. Nothing more is written (not even the
   * lock release), running work stops; another engine must recover() the stacks once locks expire.
   */
  simulateCrash(): void {
    this.halt();
    this.core.closed = true;
    for (const r of this.core.running.values()) r.operation()?.abort({ kind: "shutdown", message: "crashed", rollback: false });
  }
}
