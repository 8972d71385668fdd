/**
 * Prints Heat 19's catalogue by service (counts, deprecated / unsupported / hidden types, how many run
 * on hooks of their own and how many on the placeholder plugin) and, for every Heat type, where
 * Hearth's `GET /resource_types/{type}` answer differs from Heat's (the schema goldens test the same).
 * Exits 1 when any type differs. Usage: npx tsx scripts/heat-catalog/compare.ts [--counts]
 */
import { heatTypes, serviceOf } from "../../lib/engine/resources/catalog/heat-catalog";
import { heatTypeList } from "../../lib/engine/resources/catalog/type-list";
import { diffTypeDocs } from "../../lib/engine/resources/catalog/schema-diff";
import { builtinPlugins, resourceTypeSchema } from "../../lib/engine/resources";
import { isPlaceholder } from "../../lib/engine/resources/placeholder/placeholder";

function printCounts(): void {
  const hooks = new Set(builtinPlugins().filter((p) => !isPlaceholder(p)).map((p) => p.type));
  const byService = new Map<string, { total: number; hooks: number; notes: string[] }>();
  for (const [type, entry] of Object.entries(heatTypes.types)) {
    const row = byService.get(serviceOf(type)) ?? { total: 0, hooks: 0, notes: [] };
    row.total++;
    if (hooks.has(type)) row.hooks++;
    const status = entry.show.support_status.status;
    if (status !== "SUPPORTED") row.notes.push(`${type.split("::").slice(2).join("::")} ${status}`);
    byService.set(serviceOf(type), row);
  }
  const listed = heatTypeList.resource_types.length;
  const all = Object.keys(heatTypes.types).length;
  const real = [...hooks].filter((t) => heatTypes.types[t]).length;
  console.log(`Heat ${heatTypes.generated.heat_version}: ${all} types, ${listed} listed, ${all - listed} hidden; ${real} with hooks of their own, ${all - real} on placeholder objects`);
  console.log(`Hearth's own types: ${builtinPlugins().filter((p) => !heatTypes.types[p.type]).map((p) => p.type).join(", ")}`);
  console.log(`  ${"service".padEnd(20)} types hooks`);
  for (const [service, row] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${service.padEnd(20)} ${String(row.total).padStart(5)} ${String(row.hooks).padStart(5)}  ${row.notes.join(", ")}`);
  }
}

/** Prints every type whose answer differs from Heat's; returns how many do. */
function printDifferences(): number {
  let differing = 0;
  for (const [type, entry] of Object.entries(heatTypes.types)) {
    const doc = resourceTypeSchema(type);
    const diffs = doc ? diffTypeDocs(doc, entry.show) : [{ kind: "missing", path: type, detail: "not registered" }];
    if (diffs.length === 0) continue;
    differing++;
    console.log(`\n${type}: ${diffs.length} differences`);
    for (const d of diffs) console.log(`  ${d.kind.padEnd(8)} ${d.path}: ${d.detail}`);
  }
  console.log(differing ? `\n${differing} types differ from Heat` : "\nEvery type answers exactly as Heat");
  return differing;
}

printCounts();
if (!process.argv.includes("--counts") && printDifferences() > 0) process.exitCode = 1;
