/**
 * Heat's stack routes: list (filters, pagination, sorting), create, preview, show, update (PUT and
 * PATCH, and their previews), delete, actions, template, environment, files and outputs.
 */
import { parse } from "yaml";
import { notFound } from "../../engine/errors";
import type { StackRecord } from "../../engine/ports";
import type { UpdatePreview } from "../../engine/stack/api";
import { mergedEnvironment } from "../../engine/stack/abandon";
import { adoptInput } from "../../engine/stack/adopt";
import { combinedStatus } from "../../services/hearth";
import { badRequest, boolParam, empty, intParam, json, readJsonObject } from "../http";
import type { Route } from "../router";
import { stackAt, type HeatContext } from "./context";
import { adoptDataOf, operationOptions, requireTemplate, stackInputOf } from "./stack-input";
import { outputDicts, stackDetail, stackListItem, stackPreview } from "./views";

const SORT_KEYS: Record<string, (s: StackRecord) => string> = {
  stack_name: (s) => s.name,
  stack_status: (s) => combinedStatus(s),
  creation_time: (s) => s.createdAt,
  updated_time: (s) => s.updatedAt ?? "",
};

/** The project's stacks as GET /stacks answers: filtered, sorted, then paged by marker and limit. */
async function listStacks(ctx: HeatContext): Promise<Response> {
  const q = ctx.query;
  const nested = boolParam(q.get("show_nested") ?? undefined, "show_nested") ?? false;
  // One read of the records: a stack purged between a list and a per-row read can no longer 404 the list.
  let stacks = (await ctx.hearth.listStackRecords({ includeNested: nested })).filter((s) => s.region === ctx.region);
  const filters: [string, (s: StackRecord) => string[]][] = [
    ["id", (s) => [s.id]],
    ["name", (s) => [s.name]],
    ["stack_name", (s) => [s.name]],
    ["status", (s) => [s.status, combinedStatus(s)]],
    ["action", (s) => [s.action]],
  ];
  for (const [key, values] of filters) {
    const wanted = q.getAll(key);
    if (wanted.length) stacks = stacks.filter((s) => values(s).some((v) => wanted.includes(v)));
  }
  stacks = stacks.filter((s) => matchesTags(s.tags, q));
  const sortKey = q.get("sort_keys") ?? "creation_time";
  const keyOf = SORT_KEYS[sortKey];
  if (!keyOf) throw badRequest(`Invalid sort key "${sortKey}": use one of ${Object.keys(SORT_KEYS).join(", ")}.`);
  const dir = q.get("sort_dir") ?? "desc";
  if (dir !== "asc" && dir !== "desc") throw badRequest(`Invalid sort direction "${dir}": use asc or desc.`);
  stacks.sort((a, b) => keyOf(a).localeCompare(keyOf(b)) * (dir === "asc" ? 1 : -1) || a.id.localeCompare(b.id));
  const marker = q.get("marker");
  if (marker) {
    const at = stacks.findIndex((s) => s.id === marker);
    if (at < 0) throw notFound(`The Stack (${marker})`);
    stacks = stacks.slice(at + 1);
  }
  const count = stacks.length;
  const limit = intParam(q.get("limit"), "limit");
  if (limit !== undefined) stacks = stacks.slice(0, limit);
  const withCount = boolParam(q.get("with_count") ?? undefined, "with_count") ?? false;
  return json({ stacks: stacks.map((s) => stackListItem(s, ctx.links)), ...(withCount ? { count } : {}) });
}

/** Heat's tag filters: tags (all of), tags_any (one of), not_tags (not all of), not_tags_any (none of); comma-separated. */
function matchesTags(have: string[], q: URLSearchParams): boolean {
  const list = (key: string) => q.get(key)?.split(",").map((t) => t.trim()).filter(Boolean);
  const all = list("tags");
  const any = list("tags_any");
  const notAll = list("not_tags");
  const notAny = list("not_tags_any");
  return (
    (!all || all.every((t) => have.includes(t))) &&
    (!any || any.some((t) => have.includes(t))) &&
    (!notAll || !notAll.every((t) => have.includes(t))) &&
    (!notAny || !notAny.some((t) => have.includes(t)))
  );
}

/** The stack name of a create/preview body. */
function stackNameOf(body: Record<string, unknown>): string {
  const name = body.stack_name;
  if (typeof name !== "string" || !name) throw badRequest("No stack name specified");
  if (!/^[a-zA-Z][a-zA-Z0-9_.-]{0,254}$/.test(name)) {
    throw badRequest(`Invalid stack name ${name} must contain only alphanumeric or "_-." characters, must start with alpha and must be 255 characters or less.`, "StackValidationFailed");
  }
  return name;
}

/** The body, stack name and template input of a create or preview request. */
async function newStackRequest(ctx: HeatContext, kind: "create" | "preview") {
  const body = await readJsonObject(ctx.request);
  const name = stackNameOf(body);
  const adoptData = kind === "create" ? adoptDataOf(body.adopt_stack_data) : undefined;
  const partial = stackInputOf(body, kind);
  return { body, name, adoptData, input: adoptData ? adoptInput(adoptData, partial) : requireTemplate(partial) };
}

/** Heat's resource_changes buckets of an update preview. */
function resourceChanges(preview: UpdatePreview): Record<string, unknown[]> {
  const buckets: Record<string, unknown[]> = { added: [], deleted: [], replaced: [], unchanged: [], updated: [] };
  const bucket = { none: "unchanged", update: "updated", replace: "replaced", create: "added", delete: "deleted" } as const;
  for (const r of preview.resources) {
    buckets[bucket[r.kind]].push({ resource_name: r.name, logical_resource_id: r.name, resource_type: r.type, region: r.region, changed: r.changed, ...(r.reason ? { reason: r.reason } : {}) });
  }
  return buckets;
}

/** `?override_owner=true`: the change may apply to a stack that has an owner (a remote parent); else such a change is a 409. */
function ownerOverride(ctx: HeatContext): { overrideOwner: boolean } {
  return { overrideOwner: boolParam(ctx.query.get("override_owner") ?? undefined, "override_owner") === true };
}

/** PUT (replace) or PATCH (keep what the body leaves out) of a stack, or their previews. */
function updateRoute(method: "PUT" | "PATCH", preview: boolean): Route<HeatContext> {
  return {
    method,
    pattern: preview ? "stacks/:name/:id/preview" : "stacks/:name/:id",
    async handle(ctx, p) {
      const stack = await stackAt(ctx, p.name, p.id);
      const body = await readJsonObject(ctx.request);
      const input = stackInputOf(body, "update");
      const existing = method === "PATCH" || boolParam(body.existing, "existing") === true;
      if (!existing && input.template === undefined) throw badRequest("No template specified");
      const { tags: _tags, ...options } = operationOptions(body);
      if (preview) return json({ resource_changes: resourceChanges(await ctx.hearth.previewUpdate(stack.id, input, { ...options, existing })) });
      await ctx.hearth.update(stack.id, input, { ...options, existing, ...ownerOverride(ctx) });
      return empty(202);
    },
  };
}

/** Heat's actions, and Hearth's release_owner (a child released by its owner: its hearth.owner.* tags removed). */
const ACTIONS = ["suspend", "resume", "check", "cancel_update", "cancel_without_rollback", "release_owner"] as const;

/** POST .../actions: exactly one of Heat's actions. */
async function runAction(ctx: HeatContext, stack: StackRecord): Promise<Response> {
  const body = await readJsonObject(ctx.request);
  const keys = Object.keys(body);
  if (keys.length !== 1) throw badRequest(keys.length ? "Multiple actions specified" : "No action specified");
  const action = keys[0] as (typeof ACTIONS)[number];
  if (!ACTIONS.includes(action)) throw badRequest(`Invalid action ${keys[0]}`);
  const run: Record<typeof action, () => Promise<unknown>> = {
    suspend: () => ctx.hearth.suspend(stack.id, ownerOverride(ctx)),
    resume: () => ctx.hearth.resume(stack.id, ownerOverride(ctx)),
    check: () => ctx.hearth.check(stack.id),
    cancel_update: () => ctx.hearth.cancel(stack.id, { rollback: true, ...ownerOverride(ctx) }),
    cancel_without_rollback: () => ctx.hearth.cancel(stack.id, { rollback: false, ...ownerOverride(ctx) }),
    release_owner: () => ctx.hearth.releaseOwner(stack.id, ownerOverride(ctx)),
  };
  await run[action]();
  return empty(200);
}

/** The stack routes. */
export const STACK_ROUTES: Route<HeatContext>[] = [
  { method: "GET", pattern: "stacks", handle: listStacks },
  {
    method: "POST",
    pattern: "stacks",
    async handle(ctx) {
      const { body, name, input, adoptData } = await newStackRequest(ctx, "create");
      const handle = await ctx.hearth.create(name, input, { ...operationOptions(body), region: ctx.region, ...(adoptData ? { adoptData } : {}) });
      return json({ stack: { id: handle.stackId, links: [{ href: ctx.links.stack(name, handle.stackId), rel: "self" }] } }, 201);
    },
  },
  {
    method: "POST",
    pattern: "stacks/preview",
    async handle(ctx) {
      const { body, name, input } = await newStackRequest(ctx, "preview");
      const options = operationOptions(body);
      const result = await ctx.hearth.preview(name, input, { ...options, region: ctx.region });
      const request = {
        name,
        projectId: ctx.hearth.projectId,
        template: input.template,
        parameters: input.parameters ?? {},
        disableRollback: options.enableRollback !== true,
        timeoutMins: options.timeoutMins ?? null,
        now: new Date().toISOString(),
      };
      return json({ stack: stackPreview(request, result, ctx.links) });
    },
  },
  {
    method: "GET",
    pattern: "stacks/:name/:id",
    async handle(ctx, p) {
      const stack = await stackAt(ctx, p.name, p.id);
      // resolve_outputs=false: Heat leaves the outputs out (and computes none)
      const resolve = boolParam(ctx.query.get("resolve_outputs") ?? undefined, "resolve_outputs") !== false;
      return json({ stack: stackDetail(stack, ctx.links, resolve ? await ctx.hearth.outputs(stack.id) : undefined) });
    },
  },
  updateRoute("PUT", false),
  updateRoute("PATCH", false),
  updateRoute("PUT", true),
  updateRoute("PATCH", true),
  {
    method: "DELETE",
    pattern: "stacks/:name/:id",
    async handle(ctx, p) {
      await ctx.hearth.delete((await stackAt(ctx, p.name, p.id)).id, ownerOverride(ctx));
      return empty(204);
    },
  },
  { method: "POST", pattern: "stacks/:name/:id/actions", handle: async (ctx, p) => runAction(ctx, await stackAt(ctx, p.name, p.id)) },
  { method: "GET", pattern: "stacks/:name/:id/template", handle: async (ctx, p) => json(parse((await stackAt(ctx, p.name, p.id)).template)) },
  { method: "GET", pattern: "stacks/:name/:id/environment", handle: async (ctx, p) => json(mergedEnvironment(await stackAt(ctx, p.name, p.id))) },
  { method: "GET", pattern: "stacks/:name/:id/export", handle: async (ctx, p) => json(await ctx.hearth.exportStack((await stackAt(ctx, p.name, p.id)).id)) },
  { method: "DELETE", pattern: "stacks/:name/:id/abandon", handle: async (ctx, p) => json(await ctx.hearth.abandon((await stackAt(ctx, p.name, p.id)).id, ownerOverride(ctx))) },
  { method: "GET", pattern: "stacks/:name/:id/files", handle: async (ctx, p) => json((await stackAt(ctx, p.name, p.id)).files) },
  {
    method: "GET",
    pattern: "stacks/:name/:id/outputs",
    async handle(ctx, p) {
      const stack = await stackAt(ctx, p.name, p.id);
      return json({ outputs: outputDicts(await ctx.hearth.outputs(stack.id, { resolve: false })).map(({ output_key, description }) => ({ output_key, description })) });
    },
  },
  {
    method: "GET",
    pattern: "stacks/:name/:id/outputs/:key",
    async handle(ctx, p) {
      const stack = await stackAt(ctx, p.name, p.id);
      const [output] = outputDicts(await ctx.hearth.outputs(stack.id, { key: p.key }));
      if (!output) throw notFound(`Specified output key ${p.key}`);
      return json({ output });
    },
  },
];
