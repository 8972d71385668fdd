/**
 * Hearth records in the shapes Heat's API answers with: stacks, resources, events and outputs with
 * Heat's field names, combined ACTION_STATUS values, times without fractions and `links`.
 * The CLI's tables (cli/views.ts) share the value forms defined here.
 */
import { parse } from "yaml";
import { parsePlainYaml } from "../../engine/template/plain-yaml";
import type { PreviewResult, StackOutput } from "../../engine/stack/api";
import type { EventRecord, ResourceRecord, StackRecord } from "../../engine/ports";
import { divergenceMarkOf } from "../../federation/divergence";
import { combinedStatus } from "../../services/status";

/** Heat's time form: ISO-8601 with seconds and Z, no fraction. */
export function heatTime(iso: string | null): string | null {
  return iso === null ? null : iso.replace(/\.\d+Z$/, "Z");
}

/** A stack's outputs (computed when read: Hearth.outputs) as Heat lists them, with values. */
export function outputDicts(outputs: readonly StackOutput[]): Record<string, unknown>[] {
  return outputs.map((o) => ({
    output_key: o.key,
    output_value: o.value ?? null,
    description: o.description ?? "No description given",
    ...(o.error !== undefined ? { output_error: o.error } : {}),
  }));
}

/** Descriptions of recently shown templates, oldest first (a stack shown again is not parsed again). */
const descriptions = new Map<string, string>();
/** How many template characters `descriptions` may keep alive. */
const DESCRIPTION_CACHE_CHARS = 4_000_000;
let cachedChars = 0;

/**
 * The template's description, as Heat reports it. Remembered per template text: `stack show` polled
 * while a 1000-resource stack is created would otherwise parse its whole template on every poll
 * (measured: 27% of the REST create of 1000, docs/speed.md).
 */
export function templateDescription(template: string): string {
  const known = descriptions.get(template);
  if (known !== undefined) return known;
  const description = parseDescription(template);
  descriptions.set(template, description);
  cachedChars += template.length;
  for (const [text] of descriptions) {
    if (cachedChars <= DESCRIPTION_CACHE_CHARS || descriptions.size === 1) break;
    descriptions.delete(text);
    cachedChars -= text.length;
  }
  return description;
}

/** A column-0 line of a YAML block mapping that is not a plain key, a comment or blank (then the quick read does not apply). */
const OTHER_TOP_LINE = /^(?![ \t#\r]|$|[A-Za-z_][\w-]*[ \t]*:)/m;

/**
 * The description read from the text before the first top-level `resources:` line alone, when what
 * follows can hold no top-level key but plain ones and none of them is `description`; undefined when
 * that cannot be told this way (or the head does not parse), and the whole text must be parsed. A
 * text whose tail does not parse keeps its head's description (no stored stack has one: the engine
 * refuses it before storing anything).
 * A CLI create of 1000 resources spent 11% of its CPU parsing its template a second time for this.
 */
function leadingDescription(template: string): string | undefined {
  const cut = template.search(/^resources[ \t]*:/m);
  if (cut < 0) return undefined;
  const rest = template.slice(cut);
  if (OTHER_TOP_LINE.test(rest) || /^description[ \t]*:/m.test(rest)) return undefined;
  try {
    // the plain fast path reads the usual heading without starting the yaml package (cold in a CLI process)
    const text = template.slice(0, cut);
    const head = (parsePlainYaml(text) ?? parse(text)) as unknown;
    if (head === null || typeof head !== "object" || Array.isArray(head)) return undefined;
    const description = (head as { description?: unknown }).description;
    return typeof description === "string" ? description : "No description";
  } catch {
    return undefined;
  }
}

/** The description key of a template's text, or "No description". */
function parseDescription(template: string): string {
  const quick = leadingDescription(template);
  if (quick !== undefined) return quick;
  try {
    const doc = parse(template) as { description?: unknown } | null;
    return typeof doc?.description === "string" ? doc.description : "No description";
  } catch {
    return "No description";
  }
}

/** Builds the API's self links under one project endpoint (`<origin>/heat-api/v1/<project>`). */
export function linker(base: string) {
  const stack = (name: string, id: string) => `${base}/stacks/${encodeURIComponent(name)}/${id}`;
  return {
    stack,
    /** A link Heat answers with a redirect to the stack's canonical path. */
    stackById: (id: string) => `${base}/stacks/${id}`,
    resource: (s: { name: string; id: string }, resource: string) => `${stack(s.name, s.id)}/resources/${encodeURIComponent(resource)}`,
  };
}

/** The link helpers of one endpoint. */
export type Linker = ReturnType<typeof linker>;

/** A stack as GET /stacks lists it. */
export function stackListItem(stack: StackRecord, links: Linker): Record<string, unknown> {
  return {
    id: stack.id,
    stack_name: stack.name,
    description: templateDescription(stack.template),
    creation_time: heatTime(stack.createdAt),
    updated_time: heatTime(stack.updatedAt),
    deletion_time: heatTime(stack.deletedAt),
    stack_status: combinedStatus(stack),
    stack_status_reason: stack.statusReason,
    stack_owner: null,
    parent: stack.parentId,
    project: stack.projectId,
    stack_user_project_id: stack.projectId,
    tags: stack.tags.length ? stack.tags : null,
    links: [{ href: links.stack(stack.name, stack.id), rel: "self" }],
  };
}

/** A stack as GET /stacks/{name}/{id} shows it; without `outputs` (resolve_outputs=false) the field is left out, as Heat does. */
export function stackDetail(stack: StackRecord, links: Linker, outputs?: readonly StackOutput[]): Record<string, unknown> {
  const item = stackListItem(stack, links);
  return {
    ...item,
    template_description: item.description,
    disable_rollback: stack.disableRollback,
    timeout_mins: stack.timeoutMins,
    notification_topics: [],
    capabilities: [],
    parameters: { "OS::project_id": stack.projectId, "OS::stack_id": stack.id, "OS::stack_name": stack.name, ...stringParams(stack.parameters) },
    ...(outputs ? { outputs: outputDicts(outputs) } : {}),
    region: stack.region,
  };
}

/** Heat shows parameter values as strings. */
function stringParams(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

/** A resource as GET .../resources lists it (and, with attributes, as show shows it). */
export function resourceView(stack: StackRecord, r: ResourceRecord, links: Linker, requiredBy: string[]): Record<string, unknown> {
  return {
    resource_name: r.name,
    logical_resource_id: r.name,
    physical_resource_id: r.physicalId ?? "",
    resource_type: r.type,
    resource_status: combinedStatus(r),
    resource_status_reason: r.statusReason,
    creation_time: heatTime(r.createdAt),
    updated_time: heatTime(r.updatedAt ?? r.createdAt),
    required_by: requiredBy,
    region: r.region,
    stack_name: stack.name,
    ...divergedField(r),
    links: [
      { href: links.resource(stack, r.name), rel: "self" },
      { href: links.stack(stack.name, stack.id), rel: "stack" },
      ...(r.nestedStackId ? [{ href: links.stackById(r.nestedStackId), rel: "nested" }] : []),
    ],
  };
}

/**
 * Hearth's extension of a resource's view: `diverged`, the mark of a remote child changed without its
 * owner (region, child, childId, appliedDigest, currentDigest, detectedAt), while it has one.
 */
export function divergedField(r: Pick<ResourceRecord, "data">): { diverged?: ReturnType<typeof divergenceMarkOf> } {
  const mark = divergenceMarkOf(r.data);
  return mark ? { diverged: mark } : {};
}

/** An event as GET .../events lists it. */
export function eventView(stack: Pick<StackRecord, "name" | "id">, e: EventRecord, links: Linker): Record<string, unknown> {
  const self = { name: e.stackName, id: e.stackId };
  return {
    id: e.id,
    event_time: heatTime(e.time),
    resource_name: e.resourceName,
    logical_resource_id: e.resourceName,
    physical_resource_id: e.physicalResourceId ?? (e.isStackEvent ? e.stackId : ""),
    resource_status: combinedStatus(e),
    resource_status_reason: e.reason,
    resource_type: e.resourceType,
    links: [
      { href: `${links.resource(self, e.resourceName)}/events/${e.id}`, rel: "self" },
      { href: links.resource(self, e.resourceName), rel: "resource" },
      { href: links.stack(stack.name, stack.id), rel: "stack" },
    ],
  };
}

/** What POST /stacks/preview answers for a stack that does not exist yet: Heat's stack shape with id "None" and INIT_COMPLETE resources. */
export function stackPreview(
  request: { name: string; projectId: string; template: string; parameters: Record<string, unknown>; disableRollback: boolean; timeoutMins: number | null; now: string },
  result: PreviewResult,
  links: Linker,
): Record<string, unknown> {
  const { name, projectId } = request;
  const identity = (path: string) => ({ path, stack_id: "None", stack_name: name, tenant: projectId });
  const time = heatTime(request.now);
  const resources = result.resources.map((r) => ({
    attributes: {},
    description: "",
    metadata: {},
    physical_resource_id: "",
    properties: r.properties,
    required_by: result.resources.filter((o) => o.dependsOn.includes(r.name)).map((o) => o.name),
    resource_action: "INIT",
    resource_identity: identity(`/resources/${r.name}`),
    resource_name: r.name,
    resource_status: "COMPLETE",
    resource_status_reason: "",
    resource_type: r.type,
    region: r.region,
    stack_identity: identity(""),
    stack_name: name,
    updated_time: time,
  }));
  const description = templateDescription(request.template);
  return {
    id: "None",
    stack_name: name,
    description,
    template_description: description,
    creation_time: time,
    updated_time: null,
    capabilities: [],
    notification_topics: [],
    disable_rollback: request.disableRollback,
    timeout_mins: request.timeoutMins,
    parent: null,
    stack_owner: null,
    parameters: { "OS::project_id": projectId, "OS::stack_id": "None", "OS::stack_name": name, ...stringParams(request.parameters) },
    links: [{ href: links.stack(name, "None"), rel: "self" }],
    resources,
    regions: result.regions,
  };
}
