/**
 * In-process harness for the REST handlers: a Hearth on a temporary database (simulated cloud at
 * speed 0), requests sent straight to the /identity and /heat-api handlers, and token helpers.
 */
import { afterEach, beforeEach } from "vitest";
import { handleHeatRequest } from "../../lib/api/heat";
import { handleIdentityRequest } from "../../lib/api/keystone/routes";
import { createHearth, type CreateHearthOptions } from "../../lib/services";
import type { Hearth } from "../../lib/services/types";
import { tempDatabaseFile } from "../../lib/store/testing/temp-database";

/** Origin the requests pretend to come to. */
export const ORIGIN = "http://127.0.0.1:3112";

/** Password of the bootstrap admin in these tests. */
export const ADMIN_PASSWORD = "admin-secret";

/** A parsed answer. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any shape
}

/** One test's Hearth plus request helpers. */
export interface ApiHarness {
  hearth: Hearth;
  /** Sends a request; a string or bytes body is sent as it is, any other as JSON. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Answer>;
  /** A project-scoped token for a user (password auth). */
  login(user: string, password: string, project: string): Promise<{ token: string; projectId: string }>;
  close(): Promise<void>;
}

/** The harness and admin token of the running test (see adminSession). */
export interface AdminSession {
  api: ApiHarness;
  token: string;
}

/** Registers, for each test of the calling file, a fresh harness and a token of the bootstrap admin in project admin. */
export function adminSession(): AdminSession {
  const session = {} as AdminSession;
  beforeEach(async () => {
    session.api = await startHarness();
    session.token = (await session.api.login("admin", ADMIN_PASSWORD, "admin")).token;
  });
  afterEach(() => session.api.close());
  return session;
}

/** Starts a harness; `options` add to (or override) the test settings (limits, say). */
export async function startHarness(options: CreateHearthOptions = {}): Promise<ApiHarness> {
  const file = tempDatabaseFile("hearth-api-");
  const hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, simSeed: 3, pollIntervalMs: 10, bootstrapPassword: ADMIN_PASSWORD, haMonitor: false, owner: "engine-api-test", ...options });
  const harness: ApiHarness = {
    hearth,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.token ? { "x-auth-token": options.token } : {}), ...options.headers };
      const raw = options.body;
      const body = raw === undefined ? undefined : typeof raw === "string" ? raw : raw instanceof Uint8Array ? (raw as Uint8Array<ArrayBuffer>) : JSON.stringify(raw);
      if (body !== undefined) headers["content-type"] ??= "application/json";
      const request = new Request(`${ORIGIN}${path}`, { method, headers, body });
      const response = path.startsWith("/identity") ? await handleIdentityRequest(hearth.identity, request) : await handleHeatRequest(hearth, request);
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
    },
    async login(user, password, project) {
      const answer = await harness.call("POST", "/identity/v3/auth/tokens", {
        body: { auth: { identity: { methods: ["password"], password: { user: { name: user, domain: { name: "Default" }, password } } }, scope: { project: { name: project, domain: { name: "Default" } } } } },
      });
      if (answer.status !== 201) throw new Error(`login failed: ${JSON.stringify(answer.body)}`);
      return { token: answer.headers.get("x-subject-token")!, projectId: answer.body.token.project.id };
    },
    async close() {
      await hearth.close();
      file.remove();
    },
  };
  return harness;
}

/**
 * Waits until a stack (by name) leaves IN_PROGRESS and its closing stack event is stored; its status,
 * or "GONE" once a delete removed it from the list.
 */
export async function settled(harness: ApiHarness, project: string, token: string, name: string): Promise<string> {
  for (;;) {
    const { body } = await harness.call("GET", `/heat-api/v1/${project}/stacks?name=${name}`, { token });
    const stack: { id: string; stack_status: string } | undefined = body.stacks[0];
    if (stack === undefined) return "GONE";
    if (!stack.stack_status.endsWith("IN_PROGRESS")) {
      const last = await harness.call("GET", `/heat-api/v1/${project}/stacks/${name}/${stack.id}/events?resource_name=${name}&sort_dir=desc&limit=1`, { token });
      if (last.body.events[0]?.resource_status === stack.stack_status) return stack.stack_status;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
