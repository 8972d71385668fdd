import type { PreviewResult } from "@/lib/engine/stack/api";

/** Preview resources grouped by region, regions in name order, resources in creation order. */
export function groupByRegion(preview: PreviewResult): { region: string; resources: PreviewResult["resources"] }[] {
  return preview.regions.map((region) => ({ region, resources: preview.resources.filter((r) => r.region === region) }));
}

/** What a launch would create: one table per region with each resource's type and dependencies. */
export function PreviewTable({ preview }: { preview: PreviewResult }) {
  const groups = groupByRegion(preview);
  return (
    <section aria-labelledby="preview-title" data-testid="preview" className="space-y-3">
      <h2 id="preview-title" className="text-sm font-semibold text-slate-900">
        Will create {preview.resources.length} {preview.resources.length === 1 ? "resource" : "resources"} in {groups.length} {groups.length === 1 ? "region" : "regions"}
      </h2>
      {groups.map(({ region, resources }) => (
        <div key={region} data-testid="preview-region" data-region={region} className="overflow-hidden rounded-md border border-slate-200 bg-white">
          <table className="w-full table-fixed text-left text-xs">
            <caption className="border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-left text-xs font-semibold text-slate-800">
              {region} <span className="font-normal text-slate-600">({resources.length})</span>
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Type</th>
                <th scope="col">Depends on</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {resources.map((r) => (
                <tr key={r.name} data-testid="preview-resource" data-resource-name={r.name}>
                  <td className="break-words px-3 py-1.5 font-medium text-slate-900">{r.name}</td>
                  <td className="break-words px-3 py-1.5 font-mono text-slate-700">{r.type}</td>
                  <td className="px-3 py-1.5 text-slate-600">{r.dependsOn.length ? `after ${r.dependsOn.join(", ")}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
