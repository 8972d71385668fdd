import type { RegionsOverview } from "@/lib/services/regions-view";

/** The line under the title: which region of which federation this console serves, or that it serves every simulated region itself. */
export function FederationNote({ overview }: { overview: RegionsOverview }) {
  if (!overview.federation) {
    return (
      <span data-testid="federation-note" data-federated="false">
        This console is not part of a federation: this one process serves the built-in simulated regions below, with one database.
      </span>
    );
  }
  return (
    <span data-testid="federation-note" data-federated="true">
      This console serves <strong className="font-semibold text-slate-800">{overview.federation.self}</strong> of a federation of {overview.regions.length} regions. Each
      region was probed just now, all at once, each request with a {overview.probeTimeoutMs} ms timeout.
    </span>
  );
}
