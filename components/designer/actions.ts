"use server";

import { z } from "zod";
import { consoleHearth } from "@/lib/console/session";
import type { PreviewResult } from "@/lib/engine/stack/api";
import { parseRequest, refusalOf, type Refusal } from "@/lib/console/form-actions";

const saveSchema = z.object({ id: z.string().optional(), name: z.string(), text: z.string() });

/** Input of saveDesignerTemplate: a new version of `id`, or a new template without one. */
export type SaveRequest = z.infer<typeof saveSchema>;

/** Saves the designer's template as a new version; refusals (bad name, unknown id) come back as messages. */
export async function saveDesignerTemplate(input: SaveRequest): Promise<{ id: string; version: number } | Refusal> {
  const { id, name, text } = parseRequest(saveSchema, input);
  try {
    const saved = await (await consoleHearth()).templates.save({ id, name, text });
    return { id: saved.id, version: saved.version };
  } catch (error) {
    return refusalOf(error, "The template could not be saved.");
  }
}

const previewSchema = z.object({ text: z.string(), region: z.string() });

/** What the template would create, region by region (hearth.preview); nothing is allocated. */
export async function previewDesignerTemplate(input: z.infer<typeof previewSchema>): Promise<PreviewResult | Refusal> {
  const { text, region } = parseRequest(previewSchema, input);
  try {
    return await (await consoleHearth()).preview("designer-preview", { template: text, templateName: "designer.yaml" }, { region });
  } catch (error) {
    return refusalOf(error, "Nothing to preview yet: fix the problems in the template.");
  }
}
