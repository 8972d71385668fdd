/**
 * Issue 13's "a ResourceGroup with a huge count froze the server for minutes and SIGTERM was
 * ignored", against a real server process (`hearth engine --listen`, the console's API handlers on
 * node:http, port 3170): while one tenant sends the hostile requests (a group of 10^8 known at
 * validation and one read from a resource at create, the repeat bomb, a self-including nested stack,
 * a provider template's huge group, a template over max_template_size), another tenant's ordinary
 * requests are all answered within a bounded wait and its stack completes; then SIGTERM, sent while
 * a new round of hostile requests is in flight, ends the process within 10 s with exit code 0, as
 * `hearth engine` documents. Every synchronous step is bounded (limits, function budget, group
 * checks, and a group's size read at run time held to the limit before its members are listed), so
 * the event loop keeps turning and the signal handler runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabaseFile } from "../../lib/store/testing/temp-database";
import { startApiProcess, type ApiProcess } from "./api-process";
import { HOSTILE_CASES } from "./limit-cases";

const PORT = 3170;
const PASSWORD = "sigterm-admin";
const HOT = "heat_template_version: 2018-08-31\n";
const file = tempDatabaseFile("hearth-sigterm-");
let server: ApiProcess;

/** A hostile create: its body, and the statuses it may be answered with. */
interface Hostile {
  name: string;
  body: Record<string, unknown>;
  statuses: number[];
}

const caseTemplate = (name: string) => {
  const found = HOSTILE_CASES.find((c) => c.name === name)!;
  return { template: found.template as string, files: found.files ?? {} };
};
const HOSTILE: Hostile[] = [
  { name: "group-known", body: { template: `${HOT}resources:\n  g:\n    type: OS::Heat::ResourceGroup\n    properties: {count: 100000000, resource_def: {type: OS::Heat::None}}\n` }, statuses: [400] },
  {
    name: "group-runtime",
    body: { template: `${HOT}resources:\n  n: {type: OS::Heat::Value, properties: {type: number, value: 100000000}}\n  g:\n    type: OS::Heat::ResourceGroup\n    properties: {count: {get_attr: [n, value]}, resource_def: {type: OS::Heat::None}}\n` },
    statuses: [201],
  },
  { name: "repeat-bomb", body: caseTemplate("repeat multiplying lists (create)"), statuses: [400] },
  { name: "self-stack", body: caseTemplate("an OS::Heat::Stack including itself"), statuses: [201] },
  { name: "nested-group", body: { template: `${HOT}resources:\n  r: {type: nested.yaml}\n`, files: { "nested.yaml": `${HOT}resources:\n  g:\n    type: OS::Heat::ResourceGroup\n    properties: {count: 100000000, resource_def: {type: OS::Heat::None}}\n` } }, statuses: [400] },
  { name: "huge-template", body: caseTemplate("a template over max_template_size"), statuses: [400, 413] },
];

/** A project-scoped token and the project's id. */
async function login(user: string, password: string, project: string): Promise<{ token: string; projectId: string }> {
  const answer = await server.call("POST", "/identity/v3/auth/tokens", {
    body: { auth: { identity: { methods: ["password"], password: { user: { name: user, password } } }, scope: { project: { name: project } } } },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { token: answer.headers.get("x-subject-token")!, projectId: answer.body.token.project.id };
}

/** Sends every hostile create once (names suffixed with `round`); the statuses, by case. */
function hostileRound(admin: { token: string; projectId: string }, round: number): Promise<[string, number][]> {
  return Promise.all(
    HOSTILE.map(async (h): Promise<[string, number]> => {
      const answer = await server.call("POST", `/heat-api/v1/${admin.projectId}/stacks`, { token: admin.token, body: { stack_name: `${h.name}-${round}`, ...h.body }, withinMs: 30_000 });
      return [h.name, answer.status];
    }),
  );
}

beforeAll(async () => {
  server = await startApiProcess(PORT, file.url, { HEARTH_BOOTSTRAP_PASSWORD: PASSWORD });
}, 120_000);

afterAll(async () => {
  await server?.kill();
  file.remove();
});

describe("a real server process under hostile requests", () => {
  it("answers another tenant while the hostile requests run, then exits on SIGTERM within 10 s with code 0", async () => {
    const admin = await login("admin", PASSWORD, "admin");
    for (const [method, path, body] of [
      ["POST", "/identity/v3/projects", { project: { name: "tenant-b" } }],
      ["POST", "/identity/v3/users", { user: { name: "olga", password: "olga-pw" } }],
      ["PUT", "/identity/v3/projects/tenant-b/users/olga/roles/member", undefined],
    ] as const) expect((await server.call(method, path, { token: admin.token, body })).status).toBeLessThan(300);
    const olga = await login("olga", "olga-pw", "tenant-b");
    const stacks = `/heat-api/v1/${olga.projectId}/stacks`;

    // three rounds of hostile requests, and meanwhile the other tenant's ordinary ones, each answered within 20 s
    const hostile = Promise.allSettled([1, 2, 3].map((round) => hostileRound(admin, round)));
    const ordinary: number[] = [];
    for (let i = 0; i < 5; i++) {
      ordinary.push((await server.call("GET", stacks, { token: olga.token })).status);
      ordinary.push((await server.call("POST", stacks, { token: olga.token, body: { stack_name: `ordinary-${i}`, template: `${HOT}resources:\n  v: {type: OS::Heat::Value, properties: {value: ${i}}}\n` } })).status);
    }
    expect(ordinary).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 ? 201 : 200)));
    for (const round of await hostile) {
      expect(round.status, String((round as PromiseRejectedResult).reason)).toBe("fulfilled");
      for (const [name, status] of (round as PromiseFulfilledResult<[string, number][]>).value) expect(HOSTILE.find((h) => h.name === name)!.statuses, name).toContain(status);
    }
    // the other tenant's stacks completed, read back from the server (a bounded poll)
    let statuses: string[] = [];
    for (let poll = 0; poll < 100 && !(statuses.length === 5 && statuses.every((s) => s === "CREATE_COMPLETE")); poll++) {
      statuses = (await server.call("GET", stacks, { token: olga.token })).body.stacks.map((s: { stack_status: string }) => s.stack_status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(statuses).toEqual(Array(5).fill("CREATE_COMPLETE"));

    // SIGTERM with a new round of hostile requests in flight: the process stops within 10 s, exit code 0
    const inFlight = hostileRound(admin, 4).catch(() => []);
    server.child.kill("SIGTERM");
    expect(await server.exited(10_000), server.stderr()).toBe(0);
    expect(server.stderr()).toContain(`hearth engine hostile-${PORT}: SIGTERM, stopping`);
    await inFlight;
  }, 180_000);
});
