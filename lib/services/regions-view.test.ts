/**
 * The regions view's data against fake remote regions: small HTTP servers on loopback ports
 * (4620-4623) that answer like a region's Heat and Keystone APIs (or hang, or are not there), and a
 * fake Hearth holding this region's stacks and parent resources.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResourceRecord, StackRecord } from "../engine/ports";
import { REMOTE_REGION_KEY } from "../engine/stack/nested-remote";
import type { Federation } from "../federation/catalog";
import { DIVERGED_KEY } from "../federation/divergence";
import { ownerTags } from "../federation/ownership";
import type { RemoteHeat, RemoteStack } from "../federation/remote-heat";
import { pingRegion, PINGS } from "./region-probe";
import { embeddedRegions, federatedRegions } from "./regions-view";
import type { Hearth, StackDetail } from "./types";

const TOKEN = "user-token";
const ports = { RegionOne: 4620, RegionTwo: 4621, RegionThree: 4622, RegionFour: 4623 };
const endpoint = (name: keyof typeof ports) => ({ name, heat: `http://127.0.0.1:${ports[name]}/heat-api`, identity: `http://127.0.0.1:${ports[name]}/identity` });

/** What a fake region answers: its project's stacks and resource views, by path. */
interface FakeRegion {
  stacks: RemoteStack[];
  resources: Record<string, { resource_status: string; resource_status_reason: string }>;
  /** Never answer (a hung region). */
  hang?: boolean;
}

const seen: string[] = [];

/** A fake region's server: the Heat root, Keystone's token check (project id "p-<port>") and GET /stacks, /stacks/{id}/resources/{r}. */
function fakeRegion(port: number, region: FakeRegion): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (region.hang) return;
    const url = request.url ?? "";
    seen.push(`${port} ${url} ${request.headers["x-auth-token"] ?? "-"}`);
    const send = (status: number, body: unknown) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url === "/heat-api/") return send(300, { versions: [] });
    if (request.headers["x-auth-token"] !== TOKEN) return send(401, { error: { message: "The request you have made requires authentication." } });
    if (url === "/identity/v3/auth/tokens") return send(200, { token: { project: { id: `p-${port}` } } });
    if (url === `/heat-api/v1/p-${port}/stacks`) return send(200, { stacks: region.stacks });
    const resource = region.resources[url.replace(`/heat-api/v1/p-${port}/`, "")];
    return resource ? send(200, { resource }) : send(404, { error: { message: "not found" } });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

const stackRecord = (id: string, name: string, extra: Partial<StackRecord> = {}): StackRecord => ({
  id,
  name,
  projectId: "admin",
  parentId: null,
  parentResource: null,
  region: "RegionOne",
  action: "CREATE",
  status: "COMPLETE",
  statusReason: "",
  template: "heat_template_version: 2018-08-31\n",
  templateName: null,
  environments: [],
  files: {},
  parameters: {},
  previous: null,
  disableRollback: true,
  timeoutMins: null,
  tags: [],
  generation: 1,
  createdAt: "2026-12-04T20:00:00Z",
  updatedAt: null,
  deletedAt: null,
  ...extra,
});

const resourceRecord = (stackId: string, name: string, physicalId: string, data: Record<string, string>, statusReason = ""): ResourceRecord => ({
  id: `rec-${name}`,
  stackId,
  name,
  type: "OS::Heat::Stack",
  region: "RegionOne",
  physicalId,
  action: "CREATE",
  status: "COMPLETE",
  statusReason,
  properties: {},
  attributes: {},
  data,
  nestedStackId: null,
  unhealthy: false,
  replacedBy: null,
  createdAt: "2026-12-04T20:00:00Z",
  updatedAt: null,
});

/** A Hearth holding `records` and the resources of each, enough for the view. */
function fakeHearth(records: StackRecord[], resources: Record<string, ResourceRecord[]>, regions = [{ name: "RegionOne", available: true }]): Hearth {
  return {
    listStackRecords: async (filter?: { includeNested?: boolean }) => records.filter((s) => filter?.includeNested || !s.parentId),
    getStack: async (id: string): Promise<StackDetail> => ({ stack: records.find((s) => s.id === id)!, resources: resources[id] ?? [], children: [] }),
    cloudInventory: async () => ({ regions, servers: [], volumes: [], networks: [], ports: [], floatingIps: [], objects: [] }),
  } as unknown as Hearth;
}

const owner = (stackId: string, resource: string, region = "RegionOne") => ownerTags({ region, stackId, stackName: "p", projectId: "admin", resource, resourceId: "r", generation: 1 });
const remote = (id: string, name: string, tags: string[] = []): RemoteStack => ({ id, stack_name: name, stack_status: "UPDATE_COMPLETE", stack_status_reason: "", tags });

const federation: Federation = { self: endpoint("RegionOne"), regions: [endpoint("RegionOne"), endpoint("RegionTwo"), endpoint("RegionThree"), endpoint("RegionFour")], tokenKey: "k".repeat(32), source: "fed.json" };
const servers: Server[] = [];

beforeAll(async () => {
  servers.push(await fakeRegion(ports.RegionOne, { stacks: [], resources: {} }));
  servers.push(
    await fakeRegion(ports.RegionTwo, {
      stacks: [remote("c-two", "top-two-abc", owner("p-top", "two")), remote("free", "alone"), remote("c-gone", "old-child", owner("p-deleted", "x"))],
      resources: { "stacks/p-far/resources/here": { resource_status: "UPDATE_FAILED", resource_status_reason: "Nested stack local-child in region RegionOne has diverged: it was changed without its owner" } },
    }),
  );
  // RegionThree: nothing listens on its port (ECONNREFUSED); RegionFour accepts and never answers
  servers.push(await fakeRegion(ports.RegionFour, { stacks: [], resources: {}, hang: true }));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve).closeAllConnections())));
});

describe("federatedRegions", () => {
  const records = [
    stackRecord("p-top", "top", { template: "resources:\n  two: {type: OS::Heat::Stack, properties: {context: {region_name: RegionTwo}}}\n" }),
    stackRecord("p-nothing", "plain"),
    stackRecord("local-child", "local-child", { tags: owner("p-far", "here", "RegionTwo") }),
    stackRecord("orphaned-here", "orphaned-here", { tags: owner("p-three", "x", "RegionThree") }),
    stackRecord("nested", "top-inner", { parentId: "p-top" }),
  ];
  const resources = {
    "p-top": [
      resourceRecord("p-top", "two", "c-two", { [REMOTE_REGION_KEY]: "RegionTwo", [DIVERGED_KEY]: JSON.stringify({ region: "RegionTwo", child: "c-two", childId: "c-two", appliedDigest: "a1", currentDigest: "b2", detectedAt: "2026-12-04T21:00:00Z" }) }),
      resourceRecord("p-top", "three", "c-three", { [REMOTE_REGION_KEY]: "RegionThree" }),
    ],
  };

  it("lists every region with its endpoints, reachability, latency, stacks and owned children, probing with the user's token", async () => {
    seen.length = 0;
    const view = await federatedRegions(fakeHearth(records, resources), federation, TOKEN, 2000);
    expect(view.federation).toEqual({ source: "fed.json", self: "RegionOne" });
    expect(view.regions.map((r) => [r.name, r.self, r.heat])).toEqual(federation.regions.map((r) => [r.name, r.name === "RegionOne", r.heat]));

    const [one, two, three, four] = view.regions;
    expect(one.reachability.state).toBe("reachable");
    expect(one.stacks).toBe(4); // top-level stacks of this region's own store
    expect(one.children).toEqual([
      expect.objectContaining({ id: "local-child", local: true, status: "CREATE_COMPLETE", diverged: true, parent: { region: "RegionTwo", stackId: "p-far", resource: "here", local: false } }),
      // its owner's region is down: not asked, and said so
      expect.objectContaining({ id: "orphaned-here", diverged: false, note: "Owner not read: region RegionThree is unreachable (ECONNREFUSED)" }),
    ]);

    expect(two.reachability).toEqual({ state: "reachable", latencyMs: expect.any(Number) });
    expect(two.stacks).toBe(3);
    expect(two.children.map((c) => [c.id, c.name, c.status, c.diverged, c.parent.local, c.parent.stackName])).toEqual([
      ["c-gone", "old-child", "UPDATE_COMPLETE", false, false, undefined],
      ["c-two", "top-two-abc", "UPDATE_COMPLETE", true, true, "top"],
    ]);
    expect(two.children[0].note).toMatch(/not a stack of this region/);
    expect(two.children[1].note).toContain("2026-12-04T21:00:00Z");
    // every authenticated call carried the user's token
    expect(seen.filter((s) => s.startsWith(`${ports.RegionTwo} /identity`)).every((s) => s.endsWith(TOKEN))).toBe(true);

    // down: the reason, and the children this region's parents own there, known from their own records
    expect(three.reachability).toEqual({ state: "unreachable", reason: "ECONNREFUSED" });
    expect(three.stacks).toBeUndefined();
    expect(three.stacksError).toBe("ECONNREFUSED");
    expect(three.children).toEqual([expect.objectContaining({ id: "c-three", diverged: false, parent: expect.objectContaining({ stackId: "p-top", local: true }) })]);
    expect(three.children[0].status).toBeUndefined();
    expect(three.children[0].name).toMatch(/^top-three-[0-9a-f]{12}$/);

    expect(four.reachability).toEqual({ state: "unreachable", reason: "timeout (no answer in 2000 ms)" });
  });

  it("says why the stacks were not listed when the region refuses the token", async () => {
    const view = await federatedRegions(fakeHearth(records, resources), federation, "other-token", 2000);
    const two = view.regions[1];
    expect(two.reachability.state).toBe("reachable");
    expect(two.stacks).toBeUndefined();
    expect(two.stacksError).toContain("answered 401");
    expect(seen.some((s) => s.startsWith(`${ports.RegionThree} `))).toBe(false);
    expect(view.regions[0].children[0]).toMatchObject({ diverged: false, note: expect.stringContaining("Owner not read") });
  });
});

describe("pingRegion", () => {
  it("answers the fastest of its pings as the latency (the first one also opens the connection)", async () => {
    const clock = [0, 80, 100, 103]; // ping 1 took 80 ms, ping 2 took 3 ms
    let pings = 0;
    const client = { ping: async () => void pings++ } as unknown as RemoteHeat;
    expect(await pingRegion(client, 1000, () => clock.shift()!)).toEqual({ state: "reachable", latencyMs: 3 });
    expect(pings).toBe(PINGS);
  });
});

describe("embeddedRegions", () => {
  it("lists the simulated regions this process serves, their availability and the stacks whose home each is", async () => {
    const records = [stackRecord("a", "a"), stackRecord("b", "b", { region: "RegionTwo" }), stackRecord("c", "c", { region: "RegionTwo", parentId: "b" })];
    const hearth = fakeHearth(records, {}, [
      { name: "RegionOne", available: true },
      { name: "RegionTwo", available: false },
    ]);
    const view = await embeddedRegions(hearth, (r) => ({ heat: `/heat-api/region/${r}`, identity: "/identity" }));
    expect(view.federation).toBeUndefined();
    expect(view.regions.map((r) => [r.name, r.reachability, r.stacks, r.heat])).toEqual([
      ["RegionOne", { state: "in-process", available: true }, 1, "/heat-api/region/RegionOne"],
      ["RegionTwo", { state: "in-process", available: false }, 1, "/heat-api/region/RegionTwo"],
    ]);
  });
});
