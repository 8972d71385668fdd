/**
 * Heat's resource and event routes: resources (list with nested_depth and filters, show, metadata,
 * signal, mark unhealthy by PATCH) and events of a stack or one resource (filters, sort, marker, limit).
 */
import { notFound } from "../../engine/errors";
import type { EventRecord, StackRecord } from "../../engine/ports";
import { parseResolution } from "../../federation/resolve";
import { combinedStatus } from "../../services/hearth";
import { allowFields, badRequest, boolParam, empty, intParam, json, readJsonObject } from "../http";
import type { Route } from "../router";
import { stackAt, type HeatContext } from "./context";
import { eventView, resourceView } from "./views";

/** Names of the resources that depend on each resource (Heat's required_by). */
async function requiredBy(ctx: HeatContext, stack: StackRecord): Promise<Map<string, string[]>> {
  const { resources } = await ctx.hearth.topology(stack.id);
  const map = new Map<string, string[]>();
  for (const r of resources) for (const dep of r.dependsOn) map.set(dep, [...(map.get(dep) ?? []), r.name]);
  return map;
}

/** A listed resource: its view and the id of the stack it belongs to. */
interface Listed {
  stackId: string;
  view: Record<string, unknown>;
}

/** Resources of a stack and, down to `depth` levels, of its nested stacks (with parent_resource). */
async function resourceTree(ctx: HeatContext, stack: StackRecord, depth: number, parent?: string): Promise<Listed[]> {
  const { resources } = await ctx.hearth.getStack(stack.id);
  const deps = await requiredBy(ctx, stack);
  const out: Listed[] = [];
  for (const r of resources) {
    out.push({ stackId: stack.id, view: { ...resourceView(stack, r, ctx.links, deps.get(r.name) ?? []), ...(parent !== undefined ? { parent_resource: parent } : {}) } });
    if (depth > 0 && r.nestedStackId) {
      const child = (await ctx.hearth.getStack(r.nestedStackId)).stack;
      out.push(...(await resourceTree(ctx, child, depth - 1, r.name)));
    }
  }
  return out;
}

/** Heat's resource list filters: query key, field, and whether a value may name only part (action or status) of the field. */
const RESOURCE_FILTERS = [
  ["type", "resource_type", ""],
  ["name", "resource_name", ""],
  ["id", "logical_resource_id", ""],
  ["physical_resource_id", "physical_resource_id", ""],
  ["status", "resource_status", "status"],
  ["action", "resource_status", "action"],
] as const;

/** GET .../resources: filtered; with_detail adds description, metadata and attributes (as show has them). */
async function listResources(ctx: HeatContext, stack: StackRecord): Promise<Response> {
  const depth = intParam(ctx.query.get("nested_depth"), "nested_depth") ?? 0;
  let resources = await resourceTree(ctx, stack, depth);
  for (const [key, field, part] of RESOURCE_FILTERS) {
    const wanted = ctx.query.getAll(key);
    const matches = (value: string, w: string) => value === w || (part === "status" && value.endsWith(`_${w}`)) || (part === "action" && value.startsWith(`${w}_`));
    if (wanted.length) resources = resources.filter((r) => wanted.some((w) => matches(String(r.view[field]), w)));
  }
  const detail = boolParam(ctx.query.get("with_detail") ?? undefined, "with_detail") ?? false;
  return json({ resources: await Promise.all(resources.map((r) => (detail ? withDetail(ctx, r) : r.view))) });
}

/** A listed resource with what resource show adds. */
async function withDetail(ctx: HeatContext, { stackId, view }: Listed): Promise<Record<string, unknown>> {
  const name = String(view.resource_name);
  const { attributes, attributeErrors } = await ctx.hearth.getResource(stackId, name);
  return { ...view, description: "", metadata: await ctx.hearth.resourceMetadata(stackId, name), attributes, ...attributeErrorsField(attributeErrors) };
}

/** GET .../resources/{name}. */
async function showResource(ctx: HeatContext, stack: StackRecord, name: string): Promise<Response> {
  const { resource, attributes, attributeErrors } = await ctx.hearth.getResource(stack.id, name);
  const deps = await requiredBy(ctx, stack);
  const metadata = await ctx.hearth.resourceMetadata(stack.id, name);
  return json({ resource: { ...resourceView(stack, resource, ctx.links, deps.get(name) ?? []), attributes, metadata, description: "", ...attributeErrorsField(attributeErrors) } });
}

/** Hearth's extension to resource show: the attributes that could not be read now (shown null, as Heat does), with why. */
function attributeErrorsField(errors: Record<string, string> | undefined): { attribute_errors?: Record<string, string> } {
  return errors && Object.keys(errors).length ? { attribute_errors: errors } : {};
}

/** PATCH .../resources/{name}: mark (un)healthy. */
async function patchResource(ctx: HeatContext, stack: StackRecord, name: string): Promise<Response> {
  const body = await readJsonObject(ctx.request);
  allowFields(body, ["mark_unhealthy", "resource_status_reason"], "the resource mark-unhealthy request");
  const unhealthy = boolParam(body.mark_unhealthy, "mark_unhealthy");
  if (unhealthy === undefined) throw badRequest('"mark_unhealthy" is required.');
  const reason = body.resource_status_reason;
  if (reason !== undefined && typeof reason !== "string") throw badRequest('"resource_status_reason" must be a string.');
  await ctx.hearth.markUnhealthy(stack.id, name, unhealthy, reason);
  return empty(200);
}

const EVENT_SORT_KEYS = ["event_time", "resource_type", "created_at"];

/** Events filtered by Heat's query keys, sorted, then paged by marker and limit. */
function pageEvents(events: EventRecord[], q: URLSearchParams): EventRecord[] {
  let out = events;
  const filters: [string, (e: EventRecord) => string[]][] = [
    ["resource_action", (e) => [e.action]],
    ["resource_status", (e) => [e.status, combinedStatus(e)]],
    ["resource_name", (e) => [e.resourceName]],
    ["resource_type", (e) => [e.resourceType]],
  ];
  for (const [key, values] of filters) {
    const wanted = q.getAll(key);
    if (wanted.length) out = out.filter((e) => values(e).some((v) => wanted.includes(v)));
  }
  const key = q.get("sort_keys") ?? "event_time";
  if (!EVENT_SORT_KEYS.includes(key)) throw badRequest(`Invalid sort key "${key}": use one of ${EVENT_SORT_KEYS.join(", ")}.`);
  const dir = q.get("sort_dir") ?? "asc";
  if (dir !== "asc" && dir !== "desc") throw badRequest(`Invalid sort direction "${dir}": use asc or desc.`);
  const by = key === "resource_type" ? (a: EventRecord, b: EventRecord) => a.resourceType.localeCompare(b.resourceType) || a.seq - b.seq : (a: EventRecord, b: EventRecord) => a.seq - b.seq;
  out = [...out].sort((a, b) => by(a, b) * (dir === "asc" ? 1 : -1));
  const marker = q.get("marker");
  if (marker) {
    const at = out.findIndex((e) => e.id === marker);
    if (at < 0) throw notFound(`The Event (${marker})`);
    out = out.slice(at + 1);
  }
  const limit = intParam(q.get("limit"), "limit");
  return limit === undefined ? out : out.slice(0, limit);
}

/** The stack of an events path: a live one, or a deleted one by id (so `delete --wait` can follow it to the end). */
async function eventStack(ctx: HeatContext, name: string, id: string): Promise<Pick<StackRecord, "name" | "id">> {
  try {
    return await stackAt(ctx, name, id);
  } catch (error) {
    const events = await ctx.hearth.listEvents(id, { limit: 1 });
    if (events[0]?.stackId !== id || (events[0].stackName !== name && name !== id)) throw error;
    return { name: events[0].stackName, id };
  }
}

/** GET .../events and .../resources/{name}/events. */
async function listEvents(ctx: HeatContext, p: Record<string, string>, resource?: string): Promise<Response> {
  const stack = await eventStack(ctx, p.name, p.id);
  const nested = (intParam(ctx.query.get("nested_depth"), "nested_depth") ?? 0) > 0;
  if (resource !== undefined) await ctx.hearth.getResource(stack.id, resource).catch(async (error) => {
    if ((await ctx.hearth.listEvents(stack.id, { resource })).length === 0) throw error;
  });
  const events = await ctx.hearth.listEvents(stack.id, { resource, nested });
  return json({ events: pageEvents(events, ctx.query).map((e) => eventView(stack, e, ctx.links)) });
}

/** The resource and event routes. */
export const RESOURCE_ROUTES: Route<HeatContext>[] = [
  { method: "GET", pattern: "stacks/:name/:id/resources", handle: async (ctx, p) => listResources(ctx, await stackAt(ctx, p.name, p.id)) },
  { method: "GET", pattern: "stacks/:name/:id/resources/:r", handle: async (ctx, p) => showResource(ctx, await stackAt(ctx, p.name, p.id), p.r) },
  { method: "PATCH", pattern: "stacks/:name/:id/resources/:r", handle: async (ctx, p) => patchResource(ctx, await stackAt(ctx, p.name, p.id), p.r) },
  {
    method: "GET",
    pattern: "stacks/:name/:id/resources/:r/metadata",
    handle: async (ctx, p) => json({ metadata: await ctx.hearth.resourceMetadata((await stackAt(ctx, p.name, p.id)).id, p.r) }),
  },
  {
    method: "POST",
    pattern: "stacks/:name/:id/resources/:r/signal",
    async handle(ctx, p) {
      const stack = await stackAt(ctx, p.name, p.id);
      const details = await readJsonObject(ctx.request);
      await ctx.hearth.signal(stack.id, p.r, Object.keys(details).length ? details : null);
      return empty(200);
    },
  },
  {
    // Hearth's resolution of a diverged remote child: {"resolution": "adopt" | "reapply" | "detach"}
    method: "POST",
    pattern: "stacks/:name/:id/resources/:r/resolve",
    async handle(ctx, p) {
      const body = await readJsonObject(ctx.request);
      await ctx.hearth.resolveDivergence((await stackAt(ctx, p.name, p.id)).id, p.r, parseResolution(body.resolution));
      return empty(200);
    },
  },
  { method: "GET", pattern: "stacks/:name/:id/events", handle: (ctx, p) => listEvents(ctx, p) },
  { method: "GET", pattern: "stacks/:name/:id/resources/:r/events", handle: (ctx, p) => listEvents(ctx, p, p.r) },
  {
    method: "GET",
    pattern: "stacks/:name/:id/resources/:r/events/:event",
    async handle(ctx, p) {
      const stack = await eventStack(ctx, p.name, p.id);
      const event = (await ctx.hearth.listEvents(stack.id, { resource: p.r, nested: true })).find((e) => e.id === p.event);
      if (!event) throw notFound(`The Event (${p.event})`);
      return json({ event: eventView(stack, event, ctx.links) });
    },
  },
];
