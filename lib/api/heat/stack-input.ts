/**
 * Request bodies of stack create, update, preview and validate turned into the engine's StackInput,
 * as Heat reads them: the template as text or an object, `files`, `environment` (an object) or
 * `environment_files` (names into `files`), `parameters`; unknown fields are refused with a 400
 * before anything is touched (the engine refuses texts over max_template_size).
 */
import type { AbandonData } from "../../engine/stack/abandon";
import type { StackInput } from "../../engine/template/types";
import { allowFields, badRequest, boolParam } from "../http";

/** Fields every template-carrying body may have. */
const TEMPLATE_FIELDS = ["template", "template_url", "files", "files_container", "environment", "environment_files", "parameters"];

/** Fields each kind of body may carry. */
const BODY_FIELDS = {
  // `openstack stack adopt` sends its --timeout as "timeout" (null when not given)
  create: ["stack_name", ...TEMPLATE_FIELDS, "disable_rollback", "timeout_mins", "timeout", "tags", "adopt_stack_data"],
  preview: ["stack_name", ...TEMPLATE_FIELDS, "disable_rollback", "timeout_mins", "tags"],
  update: [...TEMPLATE_FIELDS, "disable_rollback", "timeout_mins", "tags", "clear_parameters", "existing", "converge"],
  validate: [...TEMPLATE_FIELDS, "show_nested", "ignore_errors"],
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** A template given as text or as a parsed object, as text (the engine checks its size, for the API and the CLI alike). */
function templateText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === "string" ? value : isObject(value) ? JSON.stringify(value) : undefined;
  if (text === undefined) throw badRequest('"template" must be a template text or a JSON object.');
  return text;
}

/** The `files` map: strings by name. */
function filesOf(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw badRequest('"files" must be an object of file contents by name.');
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(value)) out[name] = typeof content === "string" ? content : JSON.stringify(content);
  return out;
}

/** Environments in order: the named environment files, then the `environment` object on top. */
function environmentsOf(body: Record<string, unknown>, files: Record<string, string> | undefined): StackInput["environments"] {
  const envs: { name: string; text: string }[] = [];
  const named = body.environment_files;
  if (named !== undefined && named !== null) {
    if (!Array.isArray(named) || !named.every((n) => typeof n === "string")) throw badRequest('"environment_files" must be a list of file names.');
    for (const name of named) {
      const text = files?.[name];
      if (text === undefined) throw badRequest(`Environment file ${name} is not in "files".`);
      envs.push({ name, text });
    }
  }
  const env = body.environment;
  if (typeof env === "string" && env.trim()) envs.push({ name: "environment", text: env });
  else if (isObject(env) && Object.keys(env).length > 0) envs.push({ name: "environment", text: JSON.stringify(env) });
  else if (env !== undefined && env !== null && !isObject(env) && typeof env !== "string") throw badRequest('"environment" must be an object.');
  return envs.length ? envs : undefined;
}

/** The StackInput of a body (template may be missing: update PATCH keeps the stored one). */
export function stackInputOf(body: Record<string, unknown>, kind: keyof typeof BODY_FIELDS): Partial<StackInput> {
  allowFields(body, BODY_FIELDS[kind], `the ${kind} request`);
  if (body.template_url !== undefined && body.template === undefined) {
    throw badRequest("template_url is not supported by Hearth: send the template itself (the openstack client does this for local files).");
  }
  if (body.parameters !== undefined && body.parameters !== null && !isObject(body.parameters)) throw badRequest('"parameters" must be an object.');
  const files = filesOf(body.files);
  const input: Partial<StackInput> = {
    template: templateText(body.template),
    files,
    environments: environmentsOf(body, files),
    parameters: (body.parameters as Record<string, unknown> | undefined) ?? undefined,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<StackInput>;
}

/**
 * The adopt_stack_data of a create body (Heat's abandon data, as a JSON text as the openstack client
 * sends it, or an object); undefined when absent.
 */
export function adoptDataOf(value: unknown): AbandonData | undefined {
  if (value === undefined || value === null) return undefined;
  let data = value;
  if (typeof value === "string") {
    try {
      data = JSON.parse(value);
    } catch (error) {
      throw badRequest(`Invalid adopt data: not JSON (${(error as Error).message}).`);
    }
  }
  if (!isObject(data)) throw badRequest("Invalid adopt data: it must be an object (a stack's abandon data).");
  if (!isObject(data.resources)) throw badRequest('Invalid adopt data: "resources" must be an object of resources by name.');
  if (data.template === undefined || data.template === null) throw badRequest('Invalid adopt data: it has no "template".');
  return data as unknown as AbandonData;
}

/** A complete StackInput (create, preview, validate): the template is required. */
export function requireTemplate(input: Partial<StackInput>): StackInput {
  if (input.template === undefined) throw badRequest("No template specified");
  return { ...input, template: input.template };
}

/** Create/update options of a body (timeout, rollback, tags); the engine checks the timeout's range (checkTimeout). */
export function operationOptions(body: Record<string, unknown>): { timeoutMins?: number; enableRollback?: boolean; tags?: string[] } {
  const timeout = body.timeout_mins ?? body.timeout;
  const disable = boolParam(body.disable_rollback, "disable_rollback");
  const tags = body.tags;
  if (tags !== undefined && tags !== null && typeof tags !== "string" && !Array.isArray(tags)) throw badRequest('"tags" must be a comma-separated string or a list.');
  return {
    ...(timeout !== undefined && timeout !== null ? { timeoutMins: Number(timeout) } : {}),
    ...(disable !== undefined ? { enableRollback: !disable } : {}),
    ...(tags ? { tags: (Array.isArray(tags) ? tags.map(String) : String(tags).split(",")).map((t) => t.trim()).filter(Boolean) } : {}),
  };
}
