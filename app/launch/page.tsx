import type { Metadata } from "next";
import { connection } from "next/server";
import { getHearth } from "@/lib/services";
import { LaunchForm } from "@/components/launch/launch-form";
import { PageHeader } from "@/components/ui/page-header";

/** Title of the Launch page. */
export const metadata: Metadata = { title: "Launch stack" };

/** Launch: validate a HOT template, fill in its parameters, create the stack. */
export default async function LaunchPage() {
  await connection();
  const { regions } = await (await getHearth()).cloudInventory();
  return (
    <>
      <PageHeader title="Launch stack" subtitle="Load or paste a HOT template, validate it, then fill in its parameters." />
      <LaunchForm regions={regions.map((r) => r.name)} />
    </>
  );
}
