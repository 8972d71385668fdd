/**
 * Prints Heat 19's catalogue by service (counts, deprecated / unsupported / hidden types) and, for every
 * type Hearth registers today, where its hand-written schema differs from Heat's.
 * Informational: it always exits 0. Usage: npx tsx scripts/heat-catalog/compare.ts [--counts]
 */
import { heatTypes, serviceOf } from "../../lib/engine/resources/catalog/heat-catalog";
import { typeFromHeat } from "../../lib/engine/resources/catalog/heat-schema";
import { diffTypeSchema } from "../../lib/engine/resources/catalog/schema-diff";
import { builtinPlugins } from "../../lib/engine/resources";

function printCounts(): void {
  const byService = new Map<string, { total: number; notes: string[] }>();
  for (const [type, entry] of Object.entries(heatTypes.types)) {
    const row = byService.get(serviceOf(type)) ?? { total: 0, notes: [] };
    row.total++;
    const status = entry.show.support_status.status;
    if (status !== "SUPPORTED") row.notes.push(`${type.split("::").slice(2).join("::")} ${status}`);
    byService.set(serviceOf(type), row);
  }
  const listed = heatTypes.resource_types.length;
  const all = Object.keys(heatTypes.types).length;
  console.log(`Heat ${heatTypes.generated.heat_version}: ${all} types, ${listed} listed, ${all - listed} hidden`);
  for (const [service, row] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${service.padEnd(20)} ${String(row.total).padStart(3)}  ${row.notes.join(", ")}`);
  }
}

function printDifferences(): void {
  for (const plugin of builtinPlugins) {
    const entry = heatTypes.types[plugin.type];
    if (!entry) {
      console.log(`\n${plugin.type}: not a Heat type (Hearth's own)`);
      continue;
    }
    const diffs = diffTypeSchema(plugin, typeFromHeat(entry));
    console.log(`\n${plugin.type}: ${diffs.length ? `${diffs.length} differences` : "same as Heat"}`);
    for (const d of diffs) console.log(`  ${d.kind.padEnd(8)} ${d.path}: ${d.detail}`);
  }
}

printCounts();
if (!process.argv.includes("--counts")) printDifferences();
