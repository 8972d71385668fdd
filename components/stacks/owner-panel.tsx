import Link from "next/link";
import type { OwnerView } from "./federation-view";

/**
 * The owner of a remote child (issue 15): the region, the parent stack (a link when it is a stack of
 * this region, its id and region otherwise), the parent's resource and the generation it was made at,
 * and what a change made here means.
 */
export function OwnerPanel({ owner }: { owner: OwnerView }) {
  return (
    <section aria-labelledby="owner-title" data-testid="stack-owner" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <h2 id="owner-title" className="font-semibold">
        Owned by stack{" "}
        {owner.local ? (
          <Link href={`/stacks/${owner.stackId}`} className="font-mono text-sky-800 underline" data-testid="owner-stack-link">
            {owner.stackId}
          </Link>
        ) : (
          <span className="font-mono" data-testid="owner-stack">
            {owner.stackId}
          </span>
        )}{" "}
        in region <span data-testid="owner-region">{owner.region}</span>
      </h2>
      <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        <div className="flex gap-1">
          <dt>Resource</dt>
          <dd className="font-mono" data-testid="owner-resource">{owner.resource}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Generation</dt>
          <dd data-testid="owner-generation">{owner.generation}</dd>
        </div>
      </dl>
      <p className="mt-1">Change it through its owner. A change made here asks for confirmation first, and the owner will then see this stack as diverged.</p>
    </section>
  );
}
