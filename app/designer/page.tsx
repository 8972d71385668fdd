import type { Metadata } from "next";
import { connection } from "next/server";
import { consoleHearth } from "@/lib/console/session";
import { DesignerLoader } from "@/components/designer/designer-loader";
import { NEW_TEMPLATE } from "@/components/designer/model/edits";
import { isEngineError } from "@/lib/console/errors";

/** Title of the Designer page. */
export const metadata: Metadata = { title: "Designer" };

/**
 * The visual template designer: canvas and YAML side by side. `?id=` opens a saved template (its
 * latest version, or `&version=`); without it a new template starts.
 */
export default async function DesignerPage({ searchParams }: { searchParams: Promise<{ id?: string; version?: string }> }) {
  await connection();
  const { id, version } = await searchParams;
  const hearth = await consoleHearth();
  const { regions } = await hearth.cloudInventory();
  let saved: { id: string; name: string; text: string; version: number } | undefined;
  let notice: string | undefined;
  if (id) {
    try {
      saved = await hearth.templates.get(id, version ? Number(version) : undefined);
    } catch (error) {
      if (!isEngineError(error, "NotFound")) throw error;
      notice = (error as Error).message;
    }
  }
  const names = regions.map((r) => r.name);
  return (
    <DesignerLoader
      key={`${saved?.id ?? "new"}:${saved?.version ?? 0}`}
      initial={{ id: saved?.id, name: saved?.name ?? "untitled", text: saved?.text ?? NEW_TEMPLATE, version: saved?.version }}
      regions={names}
      defaultRegion={names[0] ?? "RegionOne"}
      notice={notice}
    />
  );
}
