/**
 * NestedStackOps over another region's Heat API: the remote half of OS::Heat::Stack with a
 * context.region_name this Hearth does not serve. Each call starts the child's operation through
 * the REST API, then polls the child's status with bounded waits (a deadline from the stack's
 * timeout, and a few consecutive unreachable polls at most), and throws the child's reason, or the
 * region's, unless it completed. The child records its owner as tags (ownership.ts); a child changed
 * without its owner is refused before the owner's update or check (divergence.ts).
 */
import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import type { NestedOwner, NestedStackInput, NestedStackOps, NestedStackView, RemoteNestedHooks } from "../engine/ports";
import { APPLIED_DIGEST_KEY, definitionDigest, requireUndiverged } from "./divergence";
import { ownerOf, ownerTags } from "./ownership";
import { RegionUnavailableError, type RemoteHeat, type RemoteStack, type RemoteStackBody } from "./remote-heat";

/** Timing of the waits for a remote child. */
export interface RemoteWaits {
  /** First poll interval (default 100 ms), doubling to at most `maxPollMs` (default 1 s). */
  pollMs?: number;
  maxPollMs?: number;
  /** Deadline of one operation when the child has no timeout (default 30 min). */
  defaultTimeoutMs?: number;
  /** Consecutive polls that may find the region unreachable before the operation fails (default 3). */
  unreachablePolls?: number;
}

/** The child's name, as Heat's "<parent>-<resource>-<suffix>", the suffix from the owning record's id (so a retried create finds it). */
export function remoteChildName(owner: Pick<NestedOwner, "stackName" | "resource" | "resourceId">): string {
  return `${owner.stackName}-${owner.resource}-${createHash("sha256").update(owner.resourceId).digest("hex").slice(0, 12)}`;
}

/** Heat's body for the child's definition. */
function bodyOf(input: NestedStackInput): RemoteStackBody {
  return {
    template: input.template,
    ...(input.parameters ? { parameters: input.parameters } : {}),
    ...(input.files ? { files: input.files } : {}),
    ...(input.environment ? { environment: parseYaml(input.environment) ?? {} } : {}),
    ...(input.timeoutMins ? { timeout_mins: input.timeoutMins } : {}),
  };
}

/** The NestedStackOps of one resource's child in the region `client` talks to. */
export function remoteNestedOps(client: RemoteHeat, owner: NestedOwner, hooks: RemoteNestedHooks, waits: RemoteWaits = {}): NestedStackOps {
  const name = remoteChildName(owner);
  const where = `in region ${client.region.name} (${client.region.heat})`;

  /** Waits until the child's status leaves IN_PROGRESS; answers it (undefined once gone, for a delete). */
  async function settle(id: string, timeoutMins: number | undefined): Promise<RemoteStack | undefined> {
    const deadline = Date.now() + (timeoutMins ? timeoutMins * 60_000 : (waits.defaultTimeoutMs ?? 1_800_000));
    let interval = waits.pollMs ?? 100;
    let unreachable = 0;
    for (let poll = 0; ; poll++) {
      if (hooks.signal.aborted) throw new Error(`The wait for the nested stack ${name} ${where} was cancelled`);
      try {
        const stack = await client.show(name, id);
        unreachable = 0;
        if (!stack || !stack.stack_status.endsWith("_IN_PROGRESS")) return stack;
      } catch (error) {
        if (!(error instanceof RegionUnavailableError) || ++unreachable >= (waits.unreachablePolls ?? 3)) throw error;
      }
      if (Date.now() >= deadline) throw new Error(`The nested stack ${name} ${where} did not finish within its timeout (${poll + 1} polls)`);
      await new Promise((resolve) => setTimeout(resolve, interval));
      interval = Math.min(interval * 2, waits.maxPollMs ?? 1000);
    }
  }

  /** The child's state after `action`, which must have completed (else its reason is thrown). */
  async function finished(id: string, action: string, timeoutMins?: number): Promise<RemoteStack> {
    const stack = await settle(id, timeoutMins);
    if (!stack) throw new Error(`The nested stack ${name} ${where} is gone`);
    if (stack.stack_status !== `${action}_COMPLETE`) throw new Error(`Nested stack ${name} ${where}: ${stack.stack_status}: ${stack.stack_status_reason}`);
    return stack;
  }

  /** What a plugin sees of the child (outputs as the region computed them now). */
  async function view(stack: RemoteStack): Promise<NestedStackView> {
    const outputs = stack.outputs ?? [];
    return {
      id: stack.id,
      name: stack.stack_name,
      status: stack.stack_status,
      statusReason: stack.stack_status_reason,
      outputs: Object.fromEntries(outputs.filter((o) => o.output_error === undefined).map((o) => [o.output_key, o.output_value])),
      outputErrors: Object.fromEntries(outputs.filter((o) => o.output_error !== undefined).map((o) => [o.output_key, `${o.output_error} (${where})`])),
      resourceRefs: await client.resourceRefs(stack.stack_name, stack.id),
      attribute: async (resource, attribute, path = []) => {
        let value: unknown = (await client.attributes(stack.stack_name, stack.id, resource))[attribute];
        for (const key of path) value = value && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined;
        return value ?? null;
      },
    };
  }

  /** Remembers the digest of the definition the owner just applied (what split-brain detection compares with). */
  async function applied(id: string): Promise<void> {
    const digest = await definitionDigest(client, name, id);
    if (digest) await hooks.remember(APPLIED_DIGEST_KEY, digest);
  }

  /** Starts `action` on the child and waits for it. */
  async function act(id: string, action: "check" | "suspend" | "resume"): Promise<void> {
    if (action === "check") await requireUndiverged(client, name, id, hooks.data, hooks.remember);
    const state = (await client.show(name, id))?.stack_status;
    // a child already suspended (or resumed) is left so: the hook may run again after a take-over
    if (action !== "check" && state === `${action.toUpperCase()}_COMPLETE`) return;
    await client.action(name, id, action);
    await finished(id, action.toUpperCase());
  }

  return {
    async create(input) {
      // a child this resource already made (a create run again after a crash or a lost answer) is kept or made again
      let existing = await client.find(name);
      const recorded = existing && ownerOf(existing.tags);
      if (existing && (recorded?.stackId !== owner.stackId || recorded.resource !== owner.resource)) {
        throw new Error(`A stack named ${name} already exists ${where} and is not owned by ${owner.resource} of stack ${owner.stackId}: it is left alone`);
      }
      if (existing && existing.stack_status.endsWith("_IN_PROGRESS")) existing = await settle(existing.id, input.timeoutMins);
      if (existing?.stack_status === "CREATE_COMPLETE") {
        await hooks.created(existing.id);
        await applied(existing.id);
        return view(existing);
      }
      if (existing) {
        await client.delete(name, existing.id);
        await settle(existing.id, input.timeoutMins);
      }
      const id = await client.create({ ...bodyOf(input), stack_name: name, tags: ownerTags(owner).join(","), disable_rollback: true });
      await hooks.created(id);
      const stack = await finished(id, "CREATE", input.timeoutMins);
      await applied(id);
      return view(stack);
    },
    async update(id, input) {
      await requireUndiverged(client, name, id, hooks.data, hooks.remember);
      await client.update(name, id, bodyOf(input));
      const stack = await finished(id, "UPDATE", input.timeoutMins);
      await applied(id);
      return view(stack);
    },
    async delete(id) {
      if (!(await client.delete(name, id))) return;
      const stack = await settle(id, undefined);
      if (stack && stack.stack_status !== "DELETE_COMPLETE") throw new Error(`Nested stack ${name} ${where}: ${stack.stack_status}: ${stack.stack_status_reason}`);
    },
    async get(id) {
      const stack = await client.show(name, id);
      return stack && view(stack);
    },
    suspend: (id) => act(id, "suspend"),
    resume: (id) => act(id, "resume"),
    check: (id) => act(id, "check"),
  };
}
