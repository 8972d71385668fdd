/**
 * Function limits at validation: every part of the template's snippets whose value is known before
 * anything exists (it reads no resource) is resolved within the compile's budget, so a value the
 * functions would build over the limits (repeat multiplying lists, joins doubling strings) is
 * refused by validate and create with its path, before anything is allocated. Other resolution
 * errors are left to the checks that own them (and to run time, as in Heat).
 */
import { FnCall, FunctionError } from "../functions";
import { readsResources } from "./properties";
import { report, type CompileState } from "./state";

/** Resolves the resource-independent parts of `snippet`, reporting the first limit it goes over. */
export function checkBuildLimits(state: CompileState, snippet: unknown): boolean {
  if (!readsResources(snippet)) return resolveWithinLimits(state, snippet);
  const parts = snippet instanceof FnCall ? [snippet.args] : Array.isArray(snippet) ? snippet : snippet !== null && typeof snippet === "object" ? Object.values(snippet) : [];
  return parts.every((part) => checkBuildLimits(state, part));
}

function resolveWithinLimits(state: CompileState, snippet: unknown): boolean {
  try {
    state.contexts.compileCtx.resolve(snippet);
  } catch (e) {
    if (!(e instanceof FunctionError) || e.code !== "limit.exceeded") return true;
    report(state, "error", e.code, e.message, e.path);
    return false;
  }
  return true;
}
