"use server";

/**
 * Server actions of the designer's Versions panel: the saved versions of a template and the text of
 * one of them (lib/services/templates.ts keeps them in the database).
 */
import { z } from "zod";
import { consoleHearth } from "@/lib/console/session";
import { parseRequest, refusalOf, type Refusal } from "@/lib/console/form-actions";

const versionsSchema = z.object({ id: z.string().min(1) });

/** One saved version as the designer lists it. */
export interface DesignerVersion {
  version: number;
  name: string;
  createdAt: string;
}

/** Every saved version of a template, newest first. */
export async function listDesignerVersions(input: z.infer<typeof versionsSchema>): Promise<DesignerVersion[] | Refusal> {
  const { id } = parseRequest(versionsSchema, input);
  try {
    const rows = await (await consoleHearth()).templates.versions(id);
    return rows.map(({ version, name, createdAt }) => ({ version, name, createdAt }));
  } catch (error) {
    return refusalOf(error, "The versions could not be listed.");
  }
}

const versionSchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });

/** The text of one saved version. */
export async function loadDesignerVersion(input: z.infer<typeof versionSchema>): Promise<{ version: number; text: string } | Refusal> {
  const { id, version } = parseRequest(versionSchema, input);
  try {
    const row = await (await consoleHearth()).templates.get(id, version);
    return { version: row.version, text: row.text };
  } catch (error) {
    return refusalOf(error, "The version could not be opened.");
  }
}
