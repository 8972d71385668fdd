/**
 * Event latency benchmark: how long after an event is stored does a subscriber get it? Runs Hearth
 * from the environment path the console uses (getHearth -> createHearth: SQLite in a temp folder,
 * simulated cloud at speed 0) and serves the real SSE route handler (app/api/stacks/[id]/events)
 * over node:http to a fetch client reading the stream, as a browser's EventSource does: the client
 * carries a console session cookie (a token made by Hearth's identity, as the login action makes
 * it) and the route runs in Next's request scope built from the request (bench/e2e/next-request.ts).
 *
 * "Stored" is the moment the engine hands the stored event to the bus (EventBus.publish, called
 * right after the database write resolves); "bus" is an in-process subscriber; "route" is when the
 * server writes the event's SSE message to the socket; "client" is an HTTP client in a worker thread
 * (its own event loop, as a browser has), reading the stream. Times are epoch milliseconds
 * (performance.timeOrigin + now) so the threads compare. Only live events count (those stored after
 * every subscription was in place). Prints p50 / p95 / max per scenario and path, and max / 100 ms
 * (the console's budget).
 *
 *   npx tsx bench/event-latency.ts [--tiny]
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import { tempDatabaseFile } from "../lib/store/testing/temp-database";
import { inRequestScope, sessionHeaders } from "./e2e/next-request";
import { percentile, printTable, TINY } from "./support";

const BUDGET_MS = 100;
const ADMIN_PASSWORD = "bench-admin-secret";
const database = tempDatabaseFile("hearth-bench-");
Object.assign(process.env, { DATABASE_URL: database.url, HEARTH_SIM_SPEED: "0", HEARTH_DEMO: "0", HEARTH_BOOTSTRAP_PASSWORD: ADMIN_PASSWORD });

const { EventBus } = await import("../lib/services/event-bus");
const { getHearth } = await import("../lib/services");
const { GET } = await import("../app/api/stacks/[id]/events/route");

/** Epoch milliseconds with sub-millisecond precision, comparable between threads. */
const clock = () => performance.timeOrigin + performance.now();

/** When each event (by seq) was handed to the bus after being stored. */
const storedAt = new Map<number, number>();
/** When the route wrote each event's message to the socket. */
const writtenAt = new Map<number, number>();
const publish = EventBus.prototype.publish;
EventBus.prototype.publish = function (this: InstanceType<typeof EventBus>, event) {
  storedAt.set(event.seq, clock());
  publish.call(this, event);
};

/** The ids of the SSE messages in a chunk of the stream (messages never straddle chunks here: one enqueue each). */
function messageIds(text: string): number[] {
  return [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
}

interface Scenario {
  name: string;
  template: string;
}

/** A gate resource (so both subscribers are in place before the measured events), then `body`. */
function template(body: string): string {
  return `heat_template_version: 2018-08-31\nresources:\n  gate:\n    type: OS::Heat::TestResource\n    properties: { wait_secs: 0.5 }\n${body}`;
}

const CHAIN = TINY ? 5 : 40;
const BURST = TINY ? 20 : 200;

const scenarios: Scenario[] = [
  {
    name: `chain of ${CHAIN} resources (events one by one)`,
    template: template(
      Array.from({ length: CHAIN }, (_, i) => `  c${i}:\n    type: OS::Heat::TestResource\n    depends_on: ${i ? `c${i - 1}` : "gate"}\n    properties: { wait_secs: 0.02 }\n`).join(""),
    ),
  },
  {
    name: `burst of ${BURST} parallel resources`,
    template: template(Array.from({ length: BURST }, (_, i) => `  p${i}:\n    type: OS::Heat::None\n    depends_on: gate\n`).join("")),
  },
];

/**
 * Serves GET /api/stacks/:id/events through the route handler, in the request scope Next gives it
 * (so it reads the session from the request's cookie), writing each chunk as it comes.
 */
function serveRoute(): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const id = decodeURIComponent(url.pathname.split("/")[3] ?? "");
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const request = new Request(url, { headers: req.headers as Record<string, string>, signal: abort.signal });
    const response = await inRequestScope(request, () => GET(request, { params: Promise.resolve({ id }) }));
    if (response.status !== 200) throw new Error(`bench: the SSE route answered ${response.status}: ${await response.text()}`);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    const reader = response.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) break;
      res.write(value, () => {
        const at = clock();
        for (const seq of messageIds(new TextDecoder().decode(value))) writtenAt.set(seq, at);
      });
    }
    res.end();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The SSE client's code, run in a worker thread: reads the stream, posts [seq, epoch ms] per message. */
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const response = await fetch(workerData.url, { headers: { cookie: workerData.cookie } });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const at = performance.timeOrigin + performance.now();
    buffer += decoder.decode(value, { stream: true });
    const messages = buffer.split("\\n\\n");
    buffer = messages.pop();
    for (const message of messages) {
      const id = /^id: (\\d+)$/m.exec(message);
      if (id) parentPort.postMessage([Number(id[1]), at]);
    }
  }
})();
`;

/** Starts the SSE client thread (signed in with `cookie`); arrivals are recorded in `arrived`. */
function startClient(url: string, cookie: string, arrived: Map<number, number>): Worker {
  const worker = new Worker(CLIENT, { eval: true, workerData: { url, cookie } });
  worker.on("message", ([seq, at]: [number, number]) => arrived.set(seq, at));
  return worker;
}

/** Resolves once `done` holds (checked every 10 ms), or rejects after `ms`. */
async function waitUntil(done: () => boolean, ms: number): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > ms) throw new Error("the SSE client did not receive every event");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The session cookie of the bootstrap admin in its project, as the console's login action makes it. */
async function signIn(): Promise<string> {
  const { identity } = await getHearth();
  const { token } = await identity.authenticate({ method: "password", user: "admin", password: ADMIN_PASSWORD }, { project: "admin" });
  return sessionHeaders(token).get("cookie")!;
}

async function run(port: number, cookie: string, scenario: Scenario) {
  const hearth = await getHearth();
  const bus = new Map<number, number>();
  const client = new Map<number, number>();
  const handle = await hearth.create(`bench-${Date.now()}`, { template: scenario.template });
  const unsubscribe = await hearth.subscribe(handle.stackId, 0, (event) => bus.set(event.seq, clock()));
  const worker = startClient(`http://127.0.0.1:${port}/api/stacks/${handle.stackId}/events?after=0`, cookie, client);
  // Live from here: the client has connected and replayed what exists (the gate holds the rest back).
  await new Promise((resolve) => setTimeout(resolve, 300));
  const liveFrom = clock();
  await handle.done;
  await waitUntil(() => [...bus.keys()].every((seq) => client.has(seq)), 30_000);
  await worker.terminate();
  unsubscribe();
  const live = [...storedAt].filter(([seq, at]) => at > liveFrom && bus.has(seq));
  const delays = (arrival: Map<number, number>) => live.map(([seq, at]) => arrival.get(seq)! - at);
  return [
    { path: "stored -> bus subscriber", values: delays(bus) },
    { path: "stored -> written by the SSE route", values: delays(writtenAt) },
    { path: "stored -> SSE client (worker thread)", values: delays(client) },
  ].map(({ path, values }) => [
    scenario.name,
    path,
    values.length,
    percentile(values, 50).toFixed(2),
    percentile(values, 95).toFixed(2),
    Math.max(...values).toFixed(2),
    (Math.max(...values) / BUDGET_MS).toFixed(3),
  ]);
}

const server = await serveRoute();
const { port } = server.address() as AddressInfo;
const rows = [];
try {
  const cookie = await signIn();
  for (const scenario of scenarios) rows.push(...(await run(port, cookie, scenario)));
  printTable(["scenario", "path", "events", "p50 ms", "p95 ms", "max ms", "max / 100 ms budget"], rows);
} finally {
  server.closeAllConnections();
  server.close();
  await (await getHearth()).close();
  database.remove();
}
