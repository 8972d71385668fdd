import path from "node:path";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** The modules cli/main.ts loads at start: reached from it through static imports only (not `import()`). */
function loadedAtStart(metafile: Metafile): Set<string> {
  const seen = new Set(["cli/main.ts"]);
  const queue = ["cli/main.ts"];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const { path: next, kind, external } of metafile.inputs[file]?.imports ?? []) {
      if (kind !== "import-statement" || external || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

describe("what the CLI loads before a command runs (--help, usage errors)", () => {
  it("is neither the engine's resource registry, the services, the store nor Prisma: those load when a command needs them", async () => {
    const result = await build({ absWorkingDir: root, entryPoints: ["cli/main.ts"], bundle: true, splitting: true, format: "esm", platform: "node", outdir: "/nonexistent", write: false, packages: "external", metafile: true, logLevel: "silent" });
    const start = [...loadedAtStart(result.metafile)];
    expect(start.length).toBeGreaterThan(5);
    const heavy = start.filter((file) => /^lib\/(engine\/resources|store|cloud)\/|^lib\/engine\/stack\/index\.ts$|^lib\/services\/(index|hearth)\.ts$|^generated\//.test(file));
    expect(heavy).toEqual([]);
  });
});
