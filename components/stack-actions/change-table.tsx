import type { UpdateChangeKind, UpdatePreview } from "@/lib/engine/stack/api";

/** Icon and words of each kind of change (never colour alone). */
const KINDS: Record<UpdateChangeKind, { icon: string; label: string; tone: string }> = {
  none: { icon: "=", label: "No change", tone: "text-slate-600" },
  update: { icon: "✎", label: "Update in place", tone: "text-sky-800" },
  replace: { icon: "⟳", label: "Replace", tone: "text-amber-800" },
  create: { icon: "+", label: "Create", tone: "text-emerald-800" },
  delete: { icon: "−", label: "Delete", tone: "text-red-800" },
};

/** A one-line count per kind, e.g. "1 update in place, 2 no change". */
export function changeSummary(preview: UpdatePreview): string {
  const counts = new Map<UpdateChangeKind, number>();
  for (const r of preview.resources) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return (Object.keys(KINDS) as UpdateChangeKind[])
    .filter((kind) => counts.has(kind))
    .map((kind) => `${counts.get(kind)} ${KINDS[kind].label.toLowerCase()}`)
    .join(", ");
}

/** What an update will do, per resource: the kind of change, which properties change, and why. */
export function ChangeTable({ preview }: { preview: UpdatePreview }) {
  return (
    <section aria-labelledby="changes-title" data-testid="update-preview" className="space-y-2">
      <h2 id="changes-title" className="text-sm font-semibold text-slate-900">
        Changes: <span className="font-normal text-slate-700">{changeSummary(preview) || "no resources"}</span>
      </h2>
      <div className="overflow-hidden rounded-md border border-slate-200 bg-white">
        <table className="w-full text-left text-xs">
          <caption className="sr-only">What the update does to each resource</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">Resource</th>
              <th scope="col" className="px-3 py-1.5 font-medium">Change</th>
              <th scope="col" className="px-3 py-1.5 font-medium">Region</th>
              <th scope="col" className="px-3 py-1.5 font-medium">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.resources.map((r) => {
              const kind = KINDS[r.kind];
              return (
                <tr key={`${r.kind}-${r.name}`} data-testid="change-row" data-resource-name={r.name} data-kind={r.kind}>
                  <td className="px-3 py-1.5">
                    <span className="font-medium text-slate-900">{r.name}</span>
                    <span className="ml-2 font-mono text-slate-600">{r.type}</span>
                  </td>
                  <td className={`whitespace-nowrap px-3 py-1.5 font-medium ${kind.tone}`}>
                    <span aria-hidden="true" className="mr-1 inline-block w-3 text-center">
                      {kind.icon}
                    </span>
                    {kind.label}
                  </td>
                  <td className="px-3 py-1.5 text-slate-700">{r.region}</td>
                  <td className="px-3 py-1.5 text-slate-600">
                    {r.changed.length ? <span className="font-mono">{r.changed.join(", ")}</span> : null}
                    {r.reason ? <span className="block">{r.reason}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
