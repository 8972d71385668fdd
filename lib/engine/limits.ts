/**
 * The engine's limits, as Heat has them (heat.conf names in brackets), plus Hearth's own bounds on
 * what a template's data and its intrinsic functions may build. The services pass configured values
 * in (EngineOptions.limits, CompileOptions.limits); HEAT_LIMITS are the defaults. A request over a
 * limit is refused before anything is allocated, with Heat's "Request limit exceeded: ..." message.
 */
import type { Diagnostic } from "./diagnostics";

/** Every limit the engine enforces. -1 turns a Heat count limit off, as in heat.conf. */
export interface EngineLimits {
  /** Largest template, environment or file text in bytes (max_template_size). */
  maxTemplateSize: number;
  /** Resources of one top-level stack, nested stacks counted in (max_resources_per_stack). */
  maxResourcesPerStack: number;
  /** How deep nested stacks (OS::Heat::Stack, provider templates, groups) may go (max_nested_stack_depth). */
  maxNestedStackDepth: number;
  /** Top-level stacks one project may have (max_stacks_per_tenant). */
  maxStacksPerTenant: number;
  /** How deep lists and maps may nest in a template's data (Hearth's own). */
  maxTemplateDepth: number;
  /** Items of one list (or map) an intrinsic function may build (Hearth's own). */
  maxFunctionListLength: number;
  /** Characters of one string an intrinsic function may build (Hearth's own). */
  maxFunctionStringLength: number;
  /** Total work of resolving one template's functions: characters built plus 8 per list item or map entry. */
  maxFunctionWork: number;
}

/** Heat's defaults, except max_stacks_per_tenant (Heat: 512) and Hearth's own bounds. */
export const HEAT_LIMITS: EngineLimits = {
  maxTemplateSize: 524_288,
  maxResourcesPerStack: 1000,
  maxNestedStackDepth: 5,
  maxStacksPerTenant: 100,
  maxTemplateDepth: 100,
  maxFunctionListLength: 100_000,
  maxFunctionStringLength: 1_048_576,
  maxFunctionWork: 8_000_000,
};

/** The heat.conf-style name of each limit, used in messages and documentation. */
export const LIMIT_NAMES: Record<keyof EngineLimits, string> = {
  maxTemplateSize: "max_template_size",
  maxResourcesPerStack: "max_resources_per_stack",
  maxNestedStackDepth: "max_nested_stack_depth",
  maxStacksPerTenant: "max_stacks_per_tenant",
  maxTemplateDepth: "max_template_depth",
  maxFunctionListLength: "max_function_list_length",
  maxFunctionStringLength: "max_function_string_length",
  maxFunctionWork: "max_function_work",
};

/** The environment variable the services read a limit from: HEARTH_ and its heat.conf name in capitals. */
export function limitVariable(key: keyof EngineLimits): string {
  return `HEARTH_${LIMIT_NAMES[key].toUpperCase()}`;
}

/** Heat's wording of a refused request: "Request limit exceeded: <what>". */
export function limitMessage(what: string): string {
  return `Request limit exceeded: ${what}`;
}

/** Whether a count limit is on and `count` goes over it. */
export function exceeds(count: number, limit: number): boolean {
  return limit >= 0 && count > limit;
}

/** An error diagnostic for a limit (code limit.exceeded) at `path`. */
export function limitDiagnostic(what: string, path: (string | number)[] = []): Diagnostic {
  return { severity: "error", code: "limit.exceeded", message: limitMessage(what), path };
}

/** Heat's message for too many resources (StackResourceLimitExceeded). */
export const TOO_MANY_RESOURCES = "Maximum resources per stack exceeded.";

/** UTF-8 byte length of a text, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The UTF-8 size of `text` when it is over `limit` bytes (a limit of -1 is off), else undefined. */
export function sizeOver(text: string, limit: number): number | undefined {
  // a UTF-16 unit is at most 3 bytes of UTF-8: short texts need no counting
  if (limit < 0 || text.length <= limit / 3) return undefined;
  const size = utf8Length(text);
  return size > limit ? size : undefined;
}

/** Heat's message for a text over max_template_size. */
export function templateSizeMessage(size: number, limit: number): string {
  return `Template size (${size} bytes) exceeds maximum allowed size (${limit} bytes).`;
}
