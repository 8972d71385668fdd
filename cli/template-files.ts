/**
 * Builds a StackInput from files on disk, as the openstack client does before it calls Heat:
 * the template text, the environment texts in order, --parameter values, and the files map.
 * The files map holds every provider template (`type: something.yaml`, anywhere in a template,
 * ResourceGroup definitions included) and every `get_file` target, read relative to the file that
 * names it and followed recursively; environment resource_registry paths are read relative to the
 * environment file. Keys are the paths as written, which is what the engine looks up.
 */
import fs from "node:fs";
import path from "node:path";
import type { StackInput } from "../lib/engine/template/types";
import { HEAT_LIMITS, limitVariable } from "../lib/engine/limits";
import { parseTemplateDocument } from "../lib/engine/template/document";
import { decodeUtf8, describeUtf8Fault } from "../lib/engine/utf8";
import { UsageError } from "./args";

/** What the user named on the command line. */
export interface TemplateArgs {
  template?: string;
  environments: string[];
  parameters: string[];
}

/** Suffixes that make a `type:` value a provider template (as heatclient decides). */
const TEMPLATE_SUFFIXES = [".yaml", ".yml", ".template"];

/** Reads the template, environments and referenced files into a StackInput (paths relative to cwd). */
export function buildStackInput(args: TemplateArgs, cwd: string): StackInput {
  const files: Record<string, string> = {};
  const input: StackInput = { template: "", files, parameters: parseParameters(args.parameters) };
  if (args.template !== undefined) {
    const templatePath = path.resolve(cwd, args.template);
    input.template = readText(templatePath, "template");
    input.templateName = path.basename(templatePath);
    collectTemplateFiles(input.template, path.dirname(templatePath), files, new Set([templatePath]));
  }
  input.environments = args.environments.map((envArg) => {
    const envPath = path.resolve(cwd, envArg);
    const text = readText(envPath, "environment");
    collectEnvironmentFiles(text, path.dirname(envPath), files);
    return { name: path.basename(envPath), text };
  });
  return input;
}

/** --parameter K=V (repeatable) into a map of strings. */
export function parseParameters(pairs: readonly string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`Malformed parameter(${pair}). Use the key=value format.`);
    parameters[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return parameters;
}

/** Reads a UTF-8 file or fails with a one-line message naming it (and where it is not UTF-8). */
function readText(file: string, what: string): string {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Could not read ${what} ${file}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  const decoded = decodeUtf8(bytes);
  if ("fault" in decoded) throw new UsageError(`Could not read ${what} ${file}: ${describeUtf8Fault(decoded.fault)}`);
  return decoded.text;
}

/** The template size limit in force (HEARTH_MAX_TEMPLATE_SIZE, else Heat's), checked again by the engine. */
function maxTemplateSize(): number {
  const configured = Number(process.env[limitVariable("maxTemplateSize")] || NaN);
  return Number.isInteger(configured) ? configured : HEAT_LIMITS.maxTemplateSize;
}

/**
 * Parses YAML/JSON as the engine does, or undefined when it does not parse or is over the limits
 * (validation reports that with line:column; parsing an oversized text here would only cost memory).
 */
function parseDocument(text: string): unknown {
  return parseTemplateDocument(text, undefined, { ...HEAT_LIMITS, maxTemplateSize: maxTemplateSize() }).data;
}

/** Resolves a referenced path against the referencing file's folder; remote URLs are refused. */
function localPath(ref: string, baseDir: string): string {
  if (ref.startsWith("file://")) return new URL(ref).pathname;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) throw new UsageError(`Cannot fetch ${ref}: only local files can be used offline`);
  return path.resolve(baseDir, ref);
}

/**
 * True when a text may name a file: `get_file`, a provider template suffix, or an escape (a quoted
 * scalar could spell either with one). Without any, parsing it here would find nothing; the engine
 * parses it anyway (measured: a 1000-resource template's parse here was 8% of its CLI create).
 */
function mayReferenceFiles(text: string): boolean {
  return text.includes("get_file") || text.includes("\\") || TEMPLATE_SUFFIXES.some((suffix) => text.includes(suffix));
}

/** Adds get_file targets and provider templates named in a template, recursively. */
function collectTemplateFiles(text: string, baseDir: string, files: Record<string, string>, seen: Set<string>): void {
  if (!mayReferenceFiles(text)) return;
  visit(parseDocument(text), (key, value) => {
    if (typeof value !== "string") return;
    if (key === "get_file") {
      files[value] ??= readText(localPath(value, baseDir), "file");
    } else if (key === "type" && TEMPLATE_SUFFIXES.some((s) => value.endsWith(s))) {
      addProviderTemplate(value, baseDir, files, seen);
    }
  });
}

/** Reads one provider template into the map and follows its own references once. */
function addProviderTemplate(ref: string, baseDir: string, files: Record<string, string>, seen: Set<string>): void {
  const file = localPath(ref, baseDir);
  const text = (files[ref] ??= readText(file, "template"));
  if (seen.has(file)) return;
  seen.add(file);
  collectTemplateFiles(text, path.dirname(file), files, seen);
}

/** Adds provider templates mapped in an environment's resource_registry (and its per-resource sections). */
function collectEnvironmentFiles(text: string, baseDir: string, files: Record<string, string>): void {
  const env = parseDocument(text);
  const registry = isRecord(env) ? env.resource_registry : undefined;
  if (!isRecord(registry)) return;
  const seen = new Set<string>();
  const mappings = [registry, ...(isRecord(registry.resources) ? Object.values(registry.resources).filter(isRecord) : [])];
  for (const mapping of mappings) {
    for (const [key, target] of Object.entries(mapping)) {
      if (key === "resources" || typeof target !== "string") continue;
      if (TEMPLATE_SUFFIXES.some((s) => target.endsWith(s))) addProviderTemplate(target, baseDir, files, seen);
    }
  }
}

/** Calls `fn` for every key/value pair of a parsed document, depth first. */
function visit(node: unknown, fn: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) node.forEach((item) => visit(item, fn));
  else if (isRecord(node)) {
    for (const [key, value] of Object.entries(node)) {
      fn(key, value);
      visit(value, fn);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
