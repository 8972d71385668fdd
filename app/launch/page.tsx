import type { Metadata } from "next";
import { connection } from "next/server";
import path from "node:path";
import { configFromEnv, getHearth } from "@/lib/services";
import { listExamples } from "@/lib/services/examples";
import { LaunchForm } from "@/components/launch/launch-form";
import { PageHeader } from "@/components/ui/page-header";

/** Title of the Launch page. */
export const metadata: Metadata = { title: "Launch stack" };

/** Launch: pick or load a HOT template and environments, validate, fill in parameters, preview, create. */
export default async function LaunchPage() {
  await connection();
  const { regions } = await (await getHearth()).cloudInventory();
  return (
    <>
      <PageHeader title="Launch stack" subtitle="Start from an example, load or paste a HOT template, validate it, then fill in its parameters." />
      <LaunchForm regions={regions.map((r) => r.name)} examples={listExamples(path.join(configFromEnv().root, "examples"))} />
    </>
  );
}
