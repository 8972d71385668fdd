import Link from "next/link";
import type { OwnedChild, RegionView } from "@/lib/services/regions-view";
import { CELL, DataTable } from "../ui/data-table";
import { StatusBadge } from "../ui/status-badge";

/** The columns of a region's owned children. */
const COLUMNS = ["Child stack", "Status", "Owner (parent stack / resource)", "Divergence"];

/** Link classes of the section. */
const LINK = "font-medium text-sky-800 underline-offset-2 hover:underline";

/** The child: a link to its page when it is a stack of this region, else its name and id. */
function ChildName({ child }: { child: OwnedChild }) {
  return (
    <span className="flex flex-col">
      {child.local ? (
        <Link href={`/stacks/${child.id}`} className={LINK} data-testid="child-link">
          {child.name}
        </Link>
      ) : (
        <span className="font-medium text-slate-900">{child.name}</span>
      )}
      <span className="font-mono text-xs text-slate-500">{child.id}</span>
    </span>
  );
}

/** The parent: a link to its page when it is a stack of this region, else where it lives. */
function Parent({ child }: { child: OwnedChild }) {
  const { parent } = child;
  if (parent.local) {
    return (
      <span>
        <Link href={`/stacks/${parent.stackId}`} className={LINK} data-testid="parent-link">
          {parent.stackName ?? parent.stackId}
        </Link>
        <span className="text-slate-600"> / {parent.resource}</span>
      </span>
    );
  }
  return (
    <span className="text-slate-700">
      <span className="font-mono text-xs">{parent.stackId}</span> / {parent.resource} <span className="text-slate-600">in {parent.region}</span>
    </span>
  );
}

/** Diverged (with why, and where to resolve it), in sync, or what could not be read. */
function Divergence({ child }: { child: OwnedChild }) {
  if (child.diverged) {
    return (
      <span className="flex flex-col gap-1">
        <span data-testid="diverged" className="inline-flex w-fit items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-inset ring-amber-500/40">
          <span aria-hidden="true">⚠</span> Diverged
        </span>
        {child.note ? <span className="text-xs text-amber-950">{child.note}</span> : null}
        {child.parent.local ? <span className="text-xs text-slate-600">Resolve it on the parent&apos;s page (adopt, re-apply or detach).</span> : null}
      </span>
    );
  }
  return <span className="text-xs text-slate-600">{child.note ?? "In sync with its owner"}</span>;
}

/** A region's owned children: stacks there owned from this region (or, for this region, from elsewhere). */
function RegionChildren({ region }: { region: RegionView }) {
  const title = region.self ? `Stacks in ${region.name} owned from other regions` : `Stacks in ${region.name} owned by stacks of this region`;
  return (
    <section id={`children-${region.name}`} aria-labelledby={`children-title-${region.name}`} data-testid="region-children" data-region={region.name} className="mt-8 scroll-mt-4">
      <h2 id={`children-title-${region.name}`} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {region.reachability.state === "unreachable" ? (
        <p className="mb-2 text-sm text-red-800">{region.name} is unreachable: these children are known from this region&apos;s parent resources; their state there cannot be read now.</p>
      ) : null}
      <DataTable caption={title} columns={COLUMNS} isEmpty={false} empty="" testId="children-table">
        {region.children.map((child) => (
          <tr key={child.id} data-testid="owned-child" data-name={child.name} data-diverged={child.diverged ? "true" : "false"}>
            <td className={CELL}>
              <ChildName child={child} />
            </td>
            <td className={CELL}>{child.status ? <StatusBadge status={child.status} testId="child-status" /> : <span className="text-slate-500">unknown</span>}</td>
            <td className={CELL}>
              <Parent child={child} />
            </td>
            <td className={CELL}>
              <Divergence child={child} />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** Every region's owned children, a section per region that has any; a sentence when none has. */
export function OwnedChildren({ regions }: { regions: RegionView[] }) {
  const withChildren = regions.filter((r) => r.children.length > 0);
  if (withChildren.length === 0) {
    return <p className="mt-8 text-sm text-slate-600">No stack of this region owns a stack in another region, and no stack here is owned from elsewhere.</p>;
  }
  return (
    <>
      {withChildren.map((region) => (
        <RegionChildren key={region.name} region={region} />
      ))}
    </>
  );
}
