/**
 * Idempotent calls by client token (the port's rule, see CloudProvider.region), shared by every cloud
 * implementation: which calls change state, how a client stamps them, and what a cloud remembers of a
 * stamped call it carried out so that it can answer a repeat without doing it again.
 *
 * A client made with a clientToken stamps each state-changing call `${clientToken}/${operation}#${n}`:
 * `operation` is the call's name ("compute.createServer"), `n` counts that operation's calls on this
 * client instance from 1, in the order they are made. A cloud that gets a stamp it has carried out
 * answers from its memory (TokenMemory): a create gives the object as it is now (or as it was answered
 * the first time when it is gone since), a delete that happened gives success again.
 */
import { CloudError } from "./cloud";

/** Calls that only read: every other call of a region client changes state and gets stamped. */
const READ_ONLY = /^(get[A-Z]\w*|list[A-Z]\w*|flavors|images|metrics|readData|quota)$/;

/** Whether the method (its bare name: "createServer", "quota") changes the cloud's state. */
export function changesState(method: string): boolean {
  return !READ_ONLY.test(method);
}

/** Gives the stamps of one client instance: one counter per operation. */
export class ClientStamps {
  private readonly counts = new Map<string, number>();

  constructor(readonly clientToken: string) {
    if (!clientToken || clientToken.length > 200) throw new Error(`A client token must be 1 to 200 characters, not ${JSON.stringify(clientToken)}.`);
  }

  /** The next stamp of `operation` ("compute.createServer"), or undefined for a call that only reads. */
  next(operation: string): string | undefined {
    if (!changesState(operation.slice(operation.lastIndexOf(".") + 1))) return undefined;
    const n = (this.counts.get(operation) ?? 0) + 1;
    this.counts.set(operation, n);
    return `${this.clientToken}/${operation}#${n}`;
  }
}

/** What a cloud keeps of a stamped call it carried out. */
export interface TokenMemory {
  /** The operation ("compute.createServer"). */
  operation: string;
  /** Its answer, as plain JSON (absent for calls that answer nothing). */
  answer?: unknown;
  /** The getter ("getServer", same service) that shows the object the answer is, as it is now. */
  getter?: string;
  /** The id of that object. */
  id?: string;
}

/**
 * What to remember of an answer to `operation`: a create's or update's object is looked up again on
 * a repeat (by the matching getter of the same service, when `hasGetter` says there is one).
 */
export function rememberAnswer(operation: string, answer: unknown, hasGetter: (getter: string) => boolean): TokenMemory {
  const memory: TokenMemory = { operation };
  if (answer === undefined) return memory;
  memory.answer = JSON.parse(JSON.stringify(answer)) as unknown;
  const noun = /^(?:create|update)([A-Z]\w*)$/.exec(operation.slice(operation.lastIndexOf(".") + 1))?.[1];
  const id = (answer as { id?: unknown }).id;
  if (noun && typeof id === "string" && hasGetter(`get${noun}`)) Object.assign(memory, { getter: `get${noun}`, id });
  return memory;
}

/**
 * The answer to a repeat of a remembered call: the object as it is now through `get` (its getter and
 * id), or the first answer when there is no such object any more (or the call answered no object).
 */
export function replayAnswer(memory: TokenMemory, get: (getter: string, id: string) => unknown): unknown {
  if (memory.getter && memory.id) {
    try {
      return get(memory.getter, memory.id);
    } catch (error) {
      // Gone since (deleted, or no longer visible): the first answer stands.
      if (!(error instanceof CloudError && error.code === "NotFound")) throw error;
    }
  }
  return memory.answer === undefined ? undefined : structuredClone(memory.answer);
}
