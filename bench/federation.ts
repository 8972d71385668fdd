/**
 * A federation of three real region processes (scripts/federation.mjs, ports 4720-4722, each its own
 * SQLite file, the simulated cloud's latency on): a parent in RegionOne with one child in each region
 * (RegionOne's local, RegionTwo's and RegionThree's through their Heat APIs), each of N resources (a
 * network and test resources waiting 0.5, 1 and 1.5 s by region), with an injected delay on every request
 * between regions (HEARTH_FEDERATION_LATENCY_MS).
 *
 * Prints the parent's wall time (its CREATE events) against the critical path: the slowest child's own
 * create time measured in its region (its CREATE events there) plus the parent's own work (the wall
 * time of the same parent with three empty children: its requests, polls and the latency); target
 * <= 1.1x. Then the time a region takes to mark a diverged child: RegionOne killed with SIGKILL, the
 * child changed in RegionTwo, RegionOne started again (from ready to the mark's detectedAt), and with
 * every region up (from the change's completion to the mark's detectedAt). Times of a region are read
 * from its own database (the API's are whole seconds); every process runs on this machine's clock.
 *
 *   npx tsx bench/federation.ts [--resources 100] [--latency-ms 50] [--speed 0.05] [--runs 3] [--scan-ms 3000] [--tiny]
 */
import path from "node:path";
import type { StackStore } from "../lib/engine/ports";
import { openDatabase } from "../lib/store/database";
import { heat, startTestFederation, tokenFrom, type TestFederation } from "../test/federation/harness";
import { median, ms, numberFlag, printTable, ratio, TINY } from "./support";

const RESOURCES = numberFlag("resources", TINY ? 5 : 100);
const LATENCY_MS = numberFlag("latency-ms", 50);
const SPEED = numberFlag("speed", TINY ? 0 : 0.05);
const RUNS = numberFlag("runs", TINY ? 1 : 3);
const SCAN_MS = numberFlag("scan-ms", TINY ? 200 : 3000);
const BASE_PORT = 4720;
/** Bound of each wait (polls 50 ms apart). */
const WAIT_POLLS = TINY ? 2400 : 12_000;

/** Seconds each resource of a region's child waits (OS::Heat::TestResource wait_secs): the children differ, so one is the slowest. */
const WAIT_SECS: Record<string, number> = TINY ? { RegionOne: 0.1, RegionTwo: 0.2, RegionThree: 0.3 } : { RegionOne: 0.5, RegionTwo: 1, RegionThree: 1.5 };

/** A child of `n` resources (a network, then test resources waiting `wait` s each) and an unused parameter `tag` (changing it diverges the child without touching a resource). */
function childTemplate(n: number, wait: number): string {
  const resources: Record<string, object> = {};
  if (n > 0) resources.net = { type: "OS::Neutron::Net" };
  for (let i = 1; i < n; i++) resources[`r${i}`] = { type: "OS::Heat::TestResource", properties: { value: `v${i}`, wait_secs: wait } };
  return JSON.stringify({ heat_template_version: "2018-08-31", parameters: { tag: { type: "string", default: "a" } }, resources, outputs: { tag: { value: { get_param: "tag" } } } });
}

/** The parent: one child of `n` resources in each region. */
function parentTemplate(n: number): string {
  const resources = Object.fromEntries(Object.entries(WAIT_SECS).map(([region, wait]) => [region, { type: "OS::Heat::Stack", properties: { context: { region_name: region }, template: childTemplate(n, wait) } }]));
  return JSON.stringify({ heat_template_version: "2018-08-31", resources });
}

/** Polls `read` (50 ms apart, WAIT_POLLS at most) until `done`. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < WAIT_POLLS; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`bench: ${what} not seen after ${WAIT_POLLS} polls`);
}

/** Each region's database, read directly: its events carry milliseconds (the API's times are whole seconds). */
type Stores = Record<string, StackStore>;

/** Opens each region's database of `fed` for reading events. */
async function openStores(fed: TestFederation): Promise<{ stores: Stores; close(): Promise<void> }> {
  const opened = await Promise.all(Object.keys(fed.regions).map(async (region) => [region, await openDatabase(`file:${path.join(fed.dir, `${region}.db`)}`)] as const));
  return { stores: Object.fromEntries(opened.map(([region, db]) => [region, db.stacks])), close: async () => void (await Promise.all(opened.map(([, db]) => db.close()))) };
}

/** Duration of a stack's create in its region: its first CREATE_IN_PROGRESS to its CREATE_COMPLETE stack event (ms). */
async function createSpan(store: StackStore, id: string): Promise<number> {
  const events = (await store.listEvents(id)).filter((e) => e.isStackEvent && e.action === "CREATE");
  const start = events.find((e) => e.status === "IN_PROGRESS")?.time;
  const end = events.find((e) => e.status === "COMPLETE")?.time;
  if (!start || !end) throw new Error(`bench: stack ${id} has no complete create events`);
  return Date.parse(end) - Date.parse(start);
}

/** Creates the parent `name` from `template` in RegionOne; answers its create span and each child's (in its own region). */
async function createParent(fed: TestFederation, stores: Stores, token: string, name: string, template: string): Promise<{ wall: number; children: Record<string, number>; id: string }> {
  const one = fed.regions.RegionOne.origin;
  const posted = await heat(one, token, "POST", "stacks", { stack_name: name, template });
  if (posted.status !== 201) throw new Error(`bench: create answered ${posted.status}: ${JSON.stringify(posted.body)}`);
  const id = posted.body.stack.id as string;
  const stack = await until(async () => (await heat(one, token, "GET", `stacks/${name}/${id}`)).body.stack, (s) => !String(s.stack_status).endsWith("IN_PROGRESS"), `${name} settled`);
  if (stack.stack_status !== "CREATE_COMPLETE") throw new Error(`bench: ${name} ${stack.stack_status}: ${stack.stack_status_reason}`);
  const children: Record<string, number> = {};
  for (const region of ["RegionOne", "RegionTwo", "RegionThree"]) {
    const res = (await heat(one, token, "GET", `stacks/${name}/${id}/resources/${region}`)).body.resource;
    const child = (await heat(fed.regions[region].origin, token, "GET", `stacks/${res.physical_resource_id}`)).body.stack;
    children[region] = await createSpan(stores[region], child.id);
  }
  return { wall: await createSpan(stores.RegionOne, id), children, id };
}

/** Until resource `region` of the parent shows a divergence mark other than `previous`; answers it. */
function markedAfter(fed: TestFederation, token: string, name: string, id: string, previous?: string): Promise<any> {
  const read = async () => (await heat(fed.regions.RegionOne.origin, token, "GET", `stacks/${name}/${id}/resources/RegionTwo`)).body?.resource?.diverged;
  return until(read, (mark) => mark !== undefined && mark.currentDigest !== previous, "the divergence mark");
}

/** Changes RegionTwo's child of the parent directly (override_owner) and waits for it. */
async function changeChild(fed: TestFederation, token: string, childId: string, tag: string): Promise<void> {
  const two = fed.regions.RegionTwo.origin;
  const child = (await heat(two, token, "GET", `stacks/${childId}`)).body.stack;
  const at = `stacks/${child.stack_name}/${child.id}`;
  const patched = await heat(two, token, "PATCH", `${at}?override_owner=true`, { parameters: { tag } });
  if (patched.status !== 202) throw new Error(`bench: the child's update answered ${patched.status}`);
  await until(async () => (await heat(two, token, "GET", at)).body.stack, (s) => s.stack_status === "UPDATE_COMPLETE", "the child's update");
}

async function main(): Promise<void> {
  const fed = await startTestFederation(BASE_PORT, {
    HEARTH_SIM_SPEED: String(SPEED),
    HEARTH_FEDERATION_LATENCY_MS: String(LATENCY_MS),
    HEARTH_DIVERGENCE_SCAN_MS: String(SCAN_MS),
    HEARTH_LEASE_MS: "6000",
  });
  const { stores, close } = await openStores(fed);
  try {
    let token = (await tokenFrom(fed.regions.RegionOne.origin)).token!;
    const rows: (string | number)[][] = [];
    const ratios: number[] = [];
    let last = { name: "", id: "" };
    // a first create warms up each region's routes, clients and caches; not measured
    await createParent(fed, stores, token, "warmup", parentTemplate(1));
    for (let run = 0; run < RUNS; run++) {
      const base = await createParent(fed, stores, token, `empty${run}`, parentTemplate(0));
      const full = await createParent(fed, stores, token, `full${run}`, parentTemplate(RESOURCES));
      const [slowRegion, slowest] = Object.entries(full.children).sort((a, b) => b[1] - a[1])[0];
      const critical = slowest + base.wall;
      ratios.push(full.wall / critical);
      rows.push([run + 1, ms(full.wall), `${ms(slowest)} (${slowRegion})`, ms(base.wall), ms(critical), ratio(full.wall, critical)]);
      last = { name: `full${run}`, id: full.id };
    }
    rows.push(["median", "", "", "", "", `${median(ratios).toFixed(2)}x`]);
    printTable(
      ["run", "parent wall ms", "slowest child ms (region)", "parent's own work ms", "critical path ms", "wall / critical (target <= 1.10x)"],
      rows,
      `Create of a parent with a child in each of 3 regions: ${RESOURCES} resources each (test resources waiting ${Object.values(WAIT_SECS).join(", ")} s by region), ${LATENCY_MS} ms per request between regions, sim speed ${SPEED}`,
    );

    const one = fed.regions.RegionOne.origin;
    const childId = (await heat(one, token, "GET", `stacks/${last.name}/${last.id}/resources/RegionTwo`)).body.resource.physical_resource_id as string;
    await fed.kill("RegionOne");
    await changeChild(fed, token, childId, "b");
    const restarting = Date.now();
    await fed.restart("RegionOne");
    const ready = Date.now();
    token = (await tokenFrom(fed.regions.RegionOne.origin)).token!;
    // the mark's detectedAt (same machine, same clock): a resource show of a remote child reads its attributes through the region, so the read-back itself takes a while
    const first = await markedAfter(fed, token, last.name, last.id);
    const afterReturn = Date.parse(first.detectedAt) - ready;
    await changeChild(fed, token, childId, "c");
    const changed = Date.now();
    const second = await markedAfter(fed, token, last.name, last.id, first.currentDigest);
    const steady = Date.parse(second.detectedAt) - changed;
    printTable(
      ["case", "detection ms", "scan interval ms", "detection / interval"],
      [
        ["RegionOne (the owner) back after kill -9 (restart took " + ms(ready - restarting) + " ms; the killed engine's scan lease runs out first)", ms(afterReturn), SCAN_MS, ratio(afterReturn, SCAN_MS)],
        ["every region up, child changed", ms(steady), SCAN_MS, ratio(steady, SCAN_MS)],
      ],
      "Time to mark a child changed without its owner (to the mark's detectedAt, read back from the parent's resource)",
    );
  } finally {
    await close();
    await fed.stop();
  }
}

await main();
