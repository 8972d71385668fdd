/**
 * A small Heat REST client for another region's service (as Heat's own heatclient), with fetch: stack
 * create, show, update, delete, actions and resource reads under `{heat}/v1/{project_id}`, each
 * request bounded in time. A region that does not answer is a RegionUnavailableError naming the
 * region and its endpoint; an answer with an error status is a RemoteHeatError with Heat's message.
 */
import type { RegionEndpoint } from "./catalog";

/** The region's service cannot be reached (refused, reset, timed out). */
export class RegionUnavailableError extends Error {
  /** `reason` is the failure alone, e.g. ECONNREFUSED or "no answer in time". */
  constructor(readonly region: RegionEndpoint, readonly reason: string) {
    super(`Region ${region.name} (${region.heat}) is unreachable: ${reason}`);
    this.name = "RegionUnavailableError";
  }
}

/** The region answered with an error status. */
export class RemoteHeatError extends Error {
  constructor(readonly region: RegionEndpoint, readonly status: number, message: string) {
    super(`Region ${region.name} (${region.heat}) answered ${status}: ${message}`);
    this.name = "RemoteHeatError";
  }
}

/** A stack as the remote region shows it (the fields the client reads). */
export interface RemoteStack {
  id: string;
  stack_name: string;
  stack_status: string;
  stack_status_reason: string;
  tags: string[] | null;
  outputs?: { output_key: string; output_value: unknown; output_error?: string }[];
}

/** The body of a create or update (Heat's names). */
export interface RemoteStackBody {
  stack_name?: string;
  template: string;
  parameters?: Record<string, unknown>;
  environment?: unknown;
  files?: Record<string, string>;
  tags?: string;
  timeout_mins?: number;
  disable_rollback?: boolean;
}

/** Settings of a client. */
export interface RemoteHeatOptions {
  region: RegionEndpoint;
  /** A token this region accepts (the federation's signed token for the project). */
  token(): Promise<string>;
  /** Longest wait for one request's answer (default 10 s). */
  requestTimeoutMs?: number;
  /** A delay added before each request (default HEARTH_FEDERATION_LATENCY_MS, else none): the link between regions, for bench/federation.ts. */
  latencyMs?: number;
}

/** HEARTH_FEDERATION_LATENCY_MS: milliseconds added to each request to another region (0 when unset); a bad value is an error naming it. */
export function injectedLatencyMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.HEARTH_FEDERATION_LATENCY_MS;
  if (raw === undefined || raw === "") return 0;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`HEARTH_FEDERATION_LATENCY_MS must be a number of milliseconds >= 0, not ${JSON.stringify(raw)}`);
  return ms;
}

/** The cause of a failed fetch, e.g. ECONNREFUSED. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === "TimeoutError") return "no answer in time";
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** The client of one region's Heat API, for one project. */
export class RemoteHeat {
  private projectId?: Promise<string>;
  private latency?: number;

  constructor(private readonly options: RemoteHeatOptions) {}

  /** The region the client talks to. */
  get region(): RegionEndpoint {
    return this.options.region;
  }

  /** One request; `url` absolute. Answers the parsed JSON body (undefined when empty), the status and headers. */
  private async send(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: unknown }> {
    const latency = (this.latency ??= this.options.latencyMs ?? injectedLatencyMs());
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new RegionUnavailableError(this.region, causeOf(error));
    }
    const text = await response.text().catch((error: unknown) => {
      throw new RegionUnavailableError(this.region, causeOf(error));
    });
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = { explanation: text.slice(0, 200) };
    }
    if (response.status >= 400 && response.status !== 404) {
      const fault = parsed as { error?: { message?: string }; explanation?: string } | undefined;
      throw new RemoteHeatError(this.region, response.status, fault?.error?.message ?? fault?.explanation ?? response.statusText);
    }
    return { status: response.status, body: parsed };
  }

  /** The project id this region knows the token's project by (each region's identity has its own ids). */
  private project(): Promise<string> {
    this.projectId ??= (async () => {
      const token = await this.options.token();
      const answer = await this.send("GET", `${this.region.identity}/v3/auth/tokens`, { "x-auth-token": token, "x-subject-token": token });
      const id = (answer.body as { token?: { project?: { id?: string } } } | undefined)?.token?.project?.id;
      if (answer.status === 404 || !id) throw new RemoteHeatError(this.region, 401, "the region does not accept this federation's token for the project");
      return id;
    })().catch((error: unknown) => {
      this.projectId = undefined;
      throw error;
    });
    return this.projectId;
  }

  /** A request under /v1/{project}; 404 answers undefined. */
  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const base = `${this.region.heat}/v1/${encodeURIComponent(await this.project())}`;
    const answer = await this.send(method, `${base}/${path}`, { "x-auth-token": await this.options.token() }, body);
    return answer.status === 404 ? undefined : (answer.body ?? null);
  }

  /** One GET of the Heat API root (the version document, no token): resolves once the region answers, throws RegionUnavailableError otherwise. */
  async ping(): Promise<void> {
    await this.send("GET", `${this.region.heat}/`, {});
  }

  /** The project's top-level stacks in this region, as GET /stacks lists them (with their tags). */
  async list(): Promise<RemoteStack[]> {
    const answer = (await this.call("GET", "stacks")) as { stacks?: RemoteStack[] } | undefined;
    return answer?.stacks ?? [];
  }

  /** A resource's status and reason, of a stack named by name or id; undefined when either is gone. */
  async resourceStatus(stack: string, resource: string): Promise<{ status: string; reason: string } | undefined> {
    const path = `stacks/${encodeURIComponent(stack)}/resources/${encodeURIComponent(resource)}`;
    const answer = (await this.call("GET", path)) as { resource?: { resource_status: string; resource_status_reason: string } } | undefined;
    return answer?.resource ? { status: answer.resource.resource_status, reason: answer.resource.resource_status_reason } : undefined;
  }

  /** Creates a stack; answers its id. */
  async create(body: RemoteStackBody): Promise<string> {
    const answer = (await this.call("POST", "stacks", body)) as { stack?: { id?: string } } | undefined;
    if (!answer?.stack?.id) throw new RemoteHeatError(this.region, 404, "the stack create was not accepted");
    return answer.stack.id;
  }

  /** A stack by name (Heat's lookup, redirected to its canonical path), with outputs; undefined when none. */
  async find(name: string): Promise<RemoteStack | undefined> {
    const answer = (await this.call("GET", `stacks/${encodeURIComponent(name)}`)) as { stack?: RemoteStack } | undefined;
    return answer?.stack;
  }

  /** A stack by name and id, with outputs; undefined when gone. */
  async show(name: string, id: string): Promise<RemoteStack | undefined> {
    const answer = (await this.call("GET", `stacks/${encodeURIComponent(name)}/${encodeURIComponent(id)}`)) as { stack?: RemoteStack } | undefined;
    return answer?.stack;
  }

  /** Replaces a stack's definition (PUT). */
  async update(name: string, id: string, body: RemoteStackBody): Promise<void> {
    if ((await this.call("PUT", this.owned(name, id), body)) === undefined) throw this.gone(name, id);
  }

  /** Deletes a stack; false when it was already gone. */
  async delete(name: string, id: string): Promise<boolean> {
    return (await this.call("DELETE", this.owned(name, id))) !== undefined;
  }

  /** Runs one of Heat's stack actions (check, suspend, resume), or Hearth's release_owner (the owner tags removed). */
  async action(name: string, id: string, action: "check" | "suspend" | "resume" | "release_owner"): Promise<void> {
    if ((await this.call("POST", this.owned(name, id, "/actions"), { [action]: null })) === undefined) throw this.gone(name, id);
  }

  /** The stack's template (as the region parses it) and parameters (Heat shows them as strings); undefined when gone. */
  async definition(name: string, id: string): Promise<{ template: unknown; parameters: Record<string, string> } | undefined> {
    const path = `stacks/${encodeURIComponent(name)}/${encodeURIComponent(id)}`;
    // both at once: one round trip to the region, not two (the divergence scan reads every child's)
    const [shown, template] = await Promise.all([this.call("GET", `${path}?resolve_outputs=false`), this.call("GET", `${path}/template`)]);
    const stack = shown as { stack?: { parameters?: Record<string, string> } } | undefined;
    if (!stack?.stack || template === undefined) return undefined;
    return { template, parameters: stack.stack.parameters ?? {} };
  }

  /** The stack's resources: logical name -> physical id. */
  async resourceRefs(name: string, id: string): Promise<Record<string, string>> {
    const answer = (await this.call("GET", `stacks/${encodeURIComponent(name)}/${encodeURIComponent(id)}/resources`)) as { resources?: { resource_name: string; physical_resource_id: string }[] } | undefined;
    return Object.fromEntries((answer?.resources ?? []).map((r) => [r.resource_name, r.physical_resource_id || r.resource_name]));
  }

  /** A resource's attributes as the region shows them. */
  async attributes(name: string, id: string, resource: string): Promise<Record<string, unknown>> {
    const path = `stacks/${encodeURIComponent(name)}/${encodeURIComponent(id)}/resources/${encodeURIComponent(resource)}`;
    const answer = (await this.call("GET", path)) as { resource?: { attributes?: Record<string, unknown> } } | undefined;
    if (!answer?.resource) throw new RemoteHeatError(this.region, 404, `resource ${resource} of stack ${name} not found`);
    return answer.resource.attributes ?? {};
  }

  /** The path of a change the owner makes to its child: with override_owner=true, since the child refuses changes from anyone else. */
  private owned(name: string, id: string, tail = ""): string {
    return `stacks/${encodeURIComponent(name)}/${encodeURIComponent(id)}${tail}?override_owner=true`;
  }

  private gone(name: string, id: string): RemoteHeatError {
    return new RemoteHeatError(this.region, 404, `the stack ${name} (${id}) is not there`);
  }
}
