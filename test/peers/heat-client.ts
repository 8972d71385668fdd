/**
 * A Heat REST client over a fleet of peer engines: each request goes to a live engine (round robin,
 * or the one asked for), and to the next live one when the connection fails because that engine was
 * just killed. Stack operations are sent once and then read back until they settle; a create whose
 * answer was lost with its engine is found again by name, never sent twice.
 */
import type { EngineFleet, EngineProcess } from "./engines";

/** A parsed answer. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any shape
}

/** One stack as the client tracks it. */
export interface StackRef {
  name: string;
  id: string;
}

/** A settled stack's status, or GONE once it is deleted. */
export type Settled = { status: string; reason: string } | { status: "GONE"; reason: "" };

/** A resource of the stack tree (nested_depth listing). */
export interface ResourceRow {
  resource_name: string;
  resource_type: string;
  physical_resource_id: string;
  resource_status: string;
  stack_name?: string;
}

/** Bounds of every wait (count and time). */
const RETRIES = 40;
const RETRY_PAUSE_MS = 250;

/** Pauses between polls (a bounded loop's step, not a fixed wait for an outcome). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True for a failure to reach an engine (it was killed, or is restarting). */
function unreachable(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && /ECONNREFUSED|ECONNRESET|socket|fetch failed/i.test(error.message));
}

/** The client. */
export class PeerClient {
  /**
   * Stacks whose operation was sent again (to another engine) because the first engine did not start
   * it: its answer was lost and the operation had not begun, or the stack was busy.
   */
  readonly resent = new Set<string>();
  private next = 0;
  private token = "";
  private projectId = "";

  constructor(
    private readonly fleet: EngineFleet,
    private readonly password: string,
  ) {}

  /** Logs in as the bootstrap admin (project admin) through any engine's Keystone API. */
  async login(): Promise<void> {
    const body = { auth: { identity: { methods: ["password"], password: { user: { name: "admin", domain: { name: "Default" }, password: this.password } } }, scope: { project: { name: "admin", domain: { name: "Default" } } } } };
    const answer = await this.call("POST", "/identity/v3/auth/tokens", body);
    if (answer.status !== 201) throw new Error(`login failed (${answer.status}): ${JSON.stringify(answer.body)}`);
    this.token = answer.headers.get("x-subject-token") ?? "";
    this.projectId = answer.body.token.project.id;
  }

  /** The Heat path of the project, plus `rest`. */
  path(rest: string): string {
    return `/heat-api/v1/${this.projectId}${rest}`;
  }

  /** A live engine: `engine` when still alive, else the next one round robin. */
  private pick(engine?: EngineProcess): EngineProcess {
    if (engine?.alive) return engine;
    const live = this.fleet.live();
    if (live.length === 0) throw new Error(`no engine is running: ${this.fleet.crashes().join("; ")}`);
    return live[this.next++ % live.length];
  }

  /**
   * Sends one request to `engine` (or any live engine), moving to another live engine while the
   * connection fails (bounded). `once`: a request that may have reached an engine is not sent again
   * (its fate is read back by the caller); undefined is returned instead.
   */
  async call(method: string, path: string, body?: unknown, options: { engine?: EngineProcess; once?: boolean } = {}): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const engine = this.pick(attempt === 0 ? options.engine : undefined);
      try {
        const response = await fetch(`${engine.origin}${path}`, {
          method,
          redirect: "manual",
          headers: { ...(this.token ? { "x-auth-token": this.token } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
      } catch (error) {
        if (!unreachable(error) || attempt >= RETRIES) throw error;
        if (options.once && !/ECONNREFUSED/.test(String((error as Error & { cause?: unknown }).cause ?? error))) return { status: 0, headers: new Headers(), body: null };
        await pause(RETRY_PAUSE_MS);
      }
    }
  }

  /** Finds a live stack by name; undefined when there is none. */
  async findStack(name: string): Promise<StackRef | undefined> {
    const answer = await this.call("GET", this.path(`/stacks?name=${encodeURIComponent(name)}`));
    const stack = answer.body?.stacks?.[0];
    return stack ? { name, id: stack.id } : undefined;
  }

  /** The status of the live stack of that name ("CREATE_IN_PROGRESS"), or undefined when there is none. */
  async statusOf(name: string): Promise<string | undefined> {
    const answer = await this.call("GET", this.path(`/stacks?name=${encodeURIComponent(name)}`));
    return answer.body?.stacks?.[0]?.stack_status;
  }

  /** Creates a stack through `engine` (or any); a lost answer is resolved by looking the name up. */
  async createStack(name: string, template: object, parameters: Record<string, unknown>, engine?: EngineProcess): Promise<StackRef> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      if (attempt > 0) this.resent.add(name);
      const answer = await this.call("POST", this.path("/stacks"), { stack_name: name, template, parameters, timeout_mins: 10 }, { engine: attempt === 0 ? engine : undefined, once: true });
      if (answer.status === 201) return { name, id: answer.body.stack.id };
      const found = await this.findStack(name);
      if (found) return found;
      if (answer.status !== 0) throw new Error(`create ${name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    throw new Error(`create ${name}: no engine accepted it`);
  }

  /** Sends an update (PATCH: existing template, new parameters) until one engine accepted it (202). */
  async updateStack(stack: StackRef, parameters: Record<string, unknown>, engine?: EngineProcess): Promise<void> {
    await this.accepted("PATCH", stack, { parameters }, 202, engine);
  }

  /** Sends a delete until one engine accepted it (204). */
  async deleteStack(stack: StackRef, engine?: EngineProcess): Promise<void> {
    await this.accepted("DELETE", stack, undefined, 204, engine);
  }

  /**
   * Sends an operation once; when the answer was lost, or the stack is still busy (409: a peer has
   * not yet taken over a killed engine's work), reads the stack and sends it again only if the
   * operation did not start. Bounded in count.
   */
  private async accepted(method: string, stack: StackRef, body: unknown, ok: number, engine?: EngineProcess): Promise<void> {
    const action = method === "DELETE" ? "DELETE" : "UPDATE";
    for (let attempt = 0; attempt < RETRIES * 4; attempt++) {
      if (attempt > 0) this.resent.add(stack.name);
      const answer = await this.call(method, this.path(`/stacks/${stack.name}/${stack.id}`), body, { engine: attempt === 0 ? engine : undefined, once: true });
      if (answer.status === ok) return;
      if (answer.status !== 0 && answer.status !== 409) throw new Error(`${method} ${stack.name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      const shown = await this.show(stack);
      if (shown === "GONE" || shown.stack_status.startsWith(action)) return;
      await pause(RETRY_PAUSE_MS);
    }
    throw new Error(`${method} ${stack.name}: no engine accepted it`);
  }

  /** The stack's show body, or GONE once deleted (404, or DELETE_COMPLETE by id). */
  async show(stack: StackRef): Promise<{ stack_status: string; stack_status_reason: string } | "GONE"> {
    const answer = await this.call("GET", this.path(`/stacks/${stack.name}/${stack.id}?resolve_outputs=false`));
    if (answer.status === 404) return "GONE";
    if (answer.status !== 200) throw new Error(`show ${stack.name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.stack.stack_status === "DELETE_COMPLETE" ? "GONE" : answer.body.stack;
  }

  /**
   * Polls until the stack has settled (bounded by `timeoutMs`): neither IN_PROGRESS nor INIT_COMPLETE
   * (a create whose engine died before its first step is stored so, and must be taken over too).
   */
  async settle(stack: StackRef, timeoutMs: number): Promise<Settled> {
    const deadline = Date.now() + timeoutMs;
    for (let polls = 0; Date.now() < deadline && polls < timeoutMs / 50; polls++) {
      const shown = await this.show(stack);
      if (shown === "GONE") return { status: "GONE", reason: "" };
      if (!shown.stack_status.endsWith("IN_PROGRESS") && shown.stack_status !== "INIT_COMPLETE") return { status: shown.stack_status, reason: shown.stack_status_reason };
      await pause(200);
    }
    const last = await this.show(stack);
    return last === "GONE" ? { status: "GONE", reason: "" } : { status: last.stack_status, reason: `not settled after ${timeoutMs} ms: ${last.stack_status_reason}` };
  }

  /** The id of the stack's newest event (any resource), or "" before the first. */
  async newestEvent(stack: StackRef): Promise<string> {
    const answer = await this.call("GET", this.path(`/stacks/${stack.name}/${stack.id}/events?sort_dir=desc&limit=1&nested_depth=3`));
    return answer.body?.events?.[0]?.id ?? "";
  }

  /** The status reasons of the stack's own newest events (its resources' and its own, newest first; not its nested stacks'). */
  async recentReasons(stack: StackRef, limit = 50): Promise<string[]> {
    const answer = await this.call("GET", this.path(`/stacks/${stack.name}/${stack.id}/events?sort_dir=desc&limit=${limit}`));
    return (answer.body?.events ?? []).map((e: { resource_status_reason: string }) => e.resource_status_reason);
  }

  /** Every resource of the stack's tree (nested stacks' too). */
  async resources(stack: StackRef): Promise<ResourceRow[]> {
    const answer = await this.call("GET", this.path(`/stacks/${stack.name}/${stack.id}/resources?nested_depth=5`));
    if (answer.status !== 200) throw new Error(`resources of ${stack.name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.resources;
  }
}
