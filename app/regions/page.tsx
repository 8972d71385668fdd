import type { Metadata } from "next";
import { connection } from "next/server";
import { consoleRegions } from "@/lib/console/regions";
import { FederationNote } from "@/components/regions/federation-note";
import { OwnedChildren } from "@/components/regions/owned-children";
import { RegionsTable } from "@/components/regions/regions-table";
import { PageHeader } from "@/components/ui/page-header";

/** Title of the page. */
export const metadata: Metadata = { title: "Regions" };

/**
 * The regions view: every region of the federation with its endpoints, reachability and latency
 * (probed on each request, in parallel, with a short timeout), the project's stacks there and the
 * owned children, diverged ones marked; in the embedded default, the simulated regions of this process.
 */
export default async function RegionsPage() {
  // probed now, on every request: never at build time
  await connection();
  const overview = await consoleRegions();
  return (
    <>
      <PageHeader
        title="Regions"
        subtitle={<FederationNote overview={overview} />}
        actions={
          <a href="/regions" data-testid="probe-again" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Probe again
          </a>
        }
      />
      <RegionsTable regions={overview.regions} federated={overview.federation !== undefined} />
      {overview.federation ? <OwnedChildren regions={overview.regions} /> : null}
    </>
  );
}
