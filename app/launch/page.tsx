import type { Metadata } from "next";
import { connection } from "next/server";
import path from "node:path";
import { configFromEnv } from "@/lib/services";
import { consoleHearth } from "@/lib/console/session";
import { listExamples } from "@/lib/services/examples";
import { LaunchForm } from "@/components/launch/launch-form";
import { PageHeader } from "@/components/ui/page-header";
import { isEngineError } from "@/lib/console/errors";

/** Title of the Launch page. */
export const metadata: Metadata = { title: "Launch stack" };

/** Launch: pick or load a HOT template and environments, validate, fill in parameters, preview, create. */
export default async function LaunchPage({ searchParams }: { searchParams: Promise<{ template?: string }> }) {
  await connection();
  const hearth = await consoleHearth();
  const { regions } = await hearth.cloudInventory();
  // ?template=<id>: a template saved in the designer (its latest version) fills the form.
  const { template: savedId } = await searchParams;
  const saved = savedId
    ? await hearth.templates.get(savedId).catch((error: unknown) => {
        if (isEngineError(error, "NotFound")) return undefined;
        throw error;
      })
    : undefined;
  return (
    <>
      <PageHeader title="Launch stack" subtitle="Start from an example, load or paste a HOT template, validate it, then fill in its parameters." />
      <LaunchForm
        regions={regions.map((r) => r.name)}
        examples={listExamples(path.join(configFromEnv().root, "examples"), ["seed"])}
        initialTemplate={saved ? { text: saved.text, name: `${saved.name}.yaml` } : undefined}
      />
    </>
  );
}
