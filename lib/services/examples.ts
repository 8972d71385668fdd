/**
 * The examples gallery: the HOT templates in the project's examples/ folder, each with a title
 * (from its file name) and a one-line description (the first sentence of its own description).
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

/** The example templates (*.yaml, *.yml, *.json) under `dir`, sorted by title; none when it is missing. */
export function listExamples(dir: string): ExampleTemplate[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .map((file) => {
      const template = fs.readFileSync(path.join(dir, file), "utf8");
      return { file, title: exampleTitle(file), description: describe(template), template };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}
