import type { OwnerView } from "../stacks/federation-view";

/** The confirmation's words for changing an owned child here: who owns it and what the owner will see. */
export function OwnerNotice({ owner, stackName }: { owner: OwnerView; stackName: string }) {
  return (
    <p className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950" data-testid="owner-notice">
      <strong>{stackName}</strong> is owned by resource <strong>{owner.resource}</strong> of stack <span className="font-mono">{owner.stackId}</span> in region <strong>{owner.region}</strong> (generation {owner.generation}). Changing it here
      overrides its owner: <strong>{owner.region} will see it as diverged</strong> and will not overwrite it until the divergence is resolved there (adopt, re-apply or detach).
    </p>
  );
}
