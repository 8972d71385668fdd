/**
 * The Heat-compatible REST API as a Heat client uses it, through the console server's real route
 * modules (app/identity, app/heat-api) in this process: a Keystone password token, POST
 * /v1/{project}/stacks, then `stack show` (GET /stacks/{name}/{id}) until its status leaves
 * IN_PROGRESS, as `openstack stack create --wait` polls (here ever less often: see pollUntil);
 * DELETE, then until the stack is DELETE_COMPLETE or gone.
 */
import { pollUntil, type E2ePath } from "./path";

const ORIGIN = "http://127.0.0.1";

/** The REST path; Hearth is the process's own (getHearth, from the environment the runner set). */
export async function apiPath(adminPassword: string): Promise<E2ePath> {
  const identity = await import("../../app/identity/[[...path]]/route");
  const heat = await import("../../app/heat-api/[[...path]]/route");
  const login = await identity.POST(
    new Request(`${ORIGIN}/identity/v3/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ auth: { identity: { methods: ["password"], password: { user: { name: "admin", domain: { name: "Default" }, password: adminPassword } } }, scope: { project: { name: "admin", domain: { name: "Default" } } } } }),
    }),
  );
  if (login.status !== 201) throw new Error(`bench: login answered ${login.status}: ${await login.text()}`);
  const token = login.headers.get("x-subject-token")!;
  const project = ((await login.json()) as { token: { project: { id: string } } }).token.project.id;
  const call = (method: "GET" | "POST" | "DELETE", path: string, body?: unknown) =>
    heat[method](new Request(`${ORIGIN}/heat-api/v1/${project}${path}`, { method, headers: { "x-auth-token": token, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }));
  const ids = new Map<string, string>();
  /** The stack as `stack show` reads it (by name and id), or undefined once it is gone (404). */
  const shown = async (name: string) => {
    const answer = await call("GET", `/stacks/${name}/${ids.get(name)}`);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw new Error(`bench: stack show answered ${answer.status}: ${await answer.text()}`);
    return ((await answer.json()) as { stack: { stack_status: string; stack_status_reason: string } }).stack;
  };

  /** Waits until the stack leaves IN_PROGRESS (a deleted one: DELETE_COMPLETE or gone); rejects unless it ended as `expected`. */
  async function settled(name: string, expected: string): Promise<void> {
    let last: Awaited<ReturnType<typeof shown>>;
    await pollUntil(async () => {
      last = await shown(name);
      return !last?.stack_status.endsWith("IN_PROGRESS");
    }, `stack ${name} through the API`);
    const status = last?.stack_status ?? "DELETE_COMPLETE";
    if (status !== expected) throw new Error(`bench: stack ${name} ended ${status}: ${last?.stack_status_reason}`);
  }

  return {
    name: "REST API",
    async create(name, template) {
      const t0 = performance.now();
      const answer = await call("POST", "/stacks", { stack_name: name, template });
      if (answer.status !== 201) throw new Error(`bench: create answered ${answer.status}: ${await answer.text()}`);
      ids.set(name, ((await answer.json()) as { stack: { id: string } }).stack.id);
      await settled(name, "CREATE_COMPLETE");
      return performance.now() - t0;
    },
    async delete(name) {
      const t0 = performance.now();
      const answer = await call("DELETE", `/stacks/${name}/${ids.get(name)}`);
      if (answer.status !== 204) throw new Error(`bench: delete answered ${answer.status}: ${await answer.text()}`);
      await settled(name, "DELETE_COMPLETE");
      return performance.now() - t0;
    },
  };
}
