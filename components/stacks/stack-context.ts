/**
 * Server-side reads of the stack page beyond the stack itself: its parents (breadcrumb), hidden
 * parameter names (masked values), the path to the root cause of a failure, and how long each type
 * usually takes (read from the registry here, so the page does not load the registry in the browser).
 */
import type { StackRecord } from "@/lib/engine/ports";
import type { Hearth } from "@/lib/services/types";
import { isEngineError } from "@/lib/console/errors";
import { defaultRegistry } from "@/lib/engine/resources";
import { DEFAULT_EXPECTED_MS, type TypeRegistry } from "@/lib/engine/resources/types";
import { rootCausePath, type RootCauseStep, type StackLevel } from "./root-cause";
import type { TypeExpectations } from "./stuck";
import type { StackCrumb } from "./stack-breadcrumb";

/** Parents of a nested stack, top-level first (stops at a parent that is gone). */
export async function ancestorsOf(hearth: Hearth, stack: StackRecord): Promise<StackCrumb[]> {
  const chain: StackCrumb[] = [];
  let parentId = stack.parentId;
  while (parentId && chain.length < 16) {
    const parent = await readLevel(hearth, parentId, false);
    if (!parent) break;
    chain.unshift({ id: parent.stack.id, name: parent.stack.name });
    parentId = parent.parentId;
  }
  return chain;
}

/** Names of the template's hidden parameters, whose values the page masks. */
export async function hiddenParameterNames(hearth: Hearth, stack: StackRecord): Promise<string[]> {
  const result = await hearth.validate({
    template: stack.template,
    templateName: stack.templateName ?? undefined,
    files: stack.files,
    environments: stack.environments,
  });
  return Object.values(result.parameters)
    .filter((p) => p.hidden)
    .map((p) => p.name);
}

/** The root cause path of a failed stack (empty otherwise), reading nested stacks as needed. */
export async function rootCauseOf(hearth: Hearth, top: StackLevel): Promise<RootCauseStep[]> {
  return rootCausePath(top, (id) => readLevel(hearth, id, true));
}

/** One stack's level (record, resources, own events), or undefined when it no longer exists. */
async function readLevel(hearth: Hearth, id: string, withEvents: boolean): Promise<(StackLevel & { parentId: string | null }) | undefined> {
  try {
    const detail = await hearth.getStack(id);
    const events = withEvents ? await hearth.listEvents(id) : [];
    return { stack: detail.stack, resources: detail.resources, events, parentId: detail.stack.parentId };
  } catch (error) {
    if (isEngineError(error, "NotFound")) return undefined;
    throw error;
  }
}

/** How long the registry's types usually take: the types that declare it (ResourcePlugin.expectedMs), else the default. */
export function typeExpectations(registry: TypeRegistry = defaultRegistry): TypeExpectations {
  const declared = registry.list().filter((p) => p.expectedMs !== undefined);
  return { byType: Object.fromEntries(declared.map((p) => [p.type, p.expectedMs!])), fallback: DEFAULT_EXPECTED_MS };
}
