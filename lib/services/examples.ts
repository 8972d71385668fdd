/**
 * The examples gallery: the HOT templates in the project's examples/ folder, each with a title
 * (from its file name) and a one-line description (the first sentence of its own description), plus
 * those of the sub-folders named (e.g. seed/), which come with the templates they use as provider types.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/** One example template as the launch page offers it. */
export interface ExampleTemplate {
  /** File name, e.g. simple-server.yaml (also the template's name for relative paths). */
  file: string;
  title: string;
  description: string;
  template: string;
  /** Templates the example uses as provider types, by the name it uses (sub-folder examples: e.g. ha_server.yaml). */
  files?: Record<string, string>;
}

/** "multi-region-demo.yaml" -> "Multi-region demo". */
export function exampleTitle(file: string): string {
  const words = path.basename(file, path.extname(file)).split(/[-_]/).filter(Boolean);
  const text = words.join(" ").replace(/^multi region\b/i, "multi-region");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first sentence of a template's description, on one line ("" when it has none). */
export function firstSentence(description: unknown): string {
  if (typeof description !== "string") return "";
  const line = description.replace(/\s+/g, " ").trim();
  const end = line.search(/[.!?](\s|$)/);
  return end === -1 ? line : line.slice(0, end + 1);
}

/** Reads the description of a template's text, tolerating a broken one (the gallery still lists it). */
function describe(text: string): string {
  try {
    const doc: unknown = parse(text);
    return firstSentence(doc && typeof doc === "object" ? (doc as { description?: unknown }).description : undefined);
  } catch {
    return "";
  }
}

/** The templates (*.yaml, *.yml, *.json) of one folder, by file name. */
function templatesIn(dir: string): Map<string, string> {
  if (!fs.existsSync(dir)) return new Map();
  const files = fs.readdirSync(dir).filter((file) => /\.(ya?ml|json)$/.test(file));
  return new Map(files.map((file) => [file, fs.readFileSync(path.join(dir, file), "utf8")]));
}

/** Whether `text` uses `file` as a resource type (`type: ha_server.yaml`). */
function usesAsType(text: string, file: string): boolean {
  return new RegExp(`type:\\s*["']?${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*$`, "m").test(text);
}

/**
 * The example templates under `dir`, sorted by title; none when it is missing. Each sub-folder in
 * `folders` adds its templates, except those another of them uses as a type: those come as its files.
 */
export function listExamples(dir: string, folders: readonly string[] = []): ExampleTemplate[] {
  const top = [...templatesIn(dir)].map(([file, template]) => ({ file, title: exampleTitle(file), description: describe(template), template }));
  const nested = folders.flatMap((folder) => {
    const templates = templatesIn(path.join(dir, folder));
    const used = [...templates.keys()].filter((file) => [...templates.values()].some((text) => usesAsType(text, file)));
    // keyed as the templates name them (`type: ha_server.yaml`), as the CLI's files map is, so nested stacks find them too
    const files = Object.fromEntries(used.map((file) => [file, templates.get(file)!]));
    return [...templates]
      .filter(([file]) => !used.includes(file))
      .map(([file, template]) => ({ file: `${folder}/${file}`, title: exampleTitle(file), description: describe(template), template, files }));
  });
  return [...top, ...nested].sort((a, b) => a.title.localeCompare(b.title));
}
