/** Intrinsic functions: per-version tables, parsing snippets into calls, resolving them. */
export { FUNCTION_TABLES, functionNames, firstVersionWith, isRemoved, type FunctionTable } from "./table";
export { parseSnippet, resolveSnippet, validateSnippet, snippetReferences, forEachCall, type ParseOptions } from "./evaluate";
export { FnCall, FunctionError, OMIT, isMapping, type FunctionSpec, type Path, type ResolveContext, type ValidateContext } from "./types";
export { pyStr, pyJson, pyRepr, pyEquals, pyTypeName } from "./python";
export { FunctionBudget, ITEM_COST, type FunctionLimits } from "./budget";
