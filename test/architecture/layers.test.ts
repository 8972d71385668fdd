import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkImport, findViolations, importsOf, layerOf, LAYERS } from "./layers";

const root = path.resolve(import.meta.dirname, "../..");
const layer = (file: string) => LAYERS[layerOf(file)].name;

describe("the layer rules", () => {
  it("places files in their layer, the most specific folder first", () => {
    expect(layer("app/stacks/page.tsx")).toBe("entry");
    expect(layer("proxy.ts")).toBe("entry");
    expect(layer("components/ha/member-table.tsx")).toBe("components");
    expect(layer("lib/console/session.ts")).toBe("lib/console");
    expect(layer("lib/engine/stack/engine.ts")).toBe("lib/engine");
    expect(layer("lib/cloud/sim/sim-cloud.ts")).toBe("lib/cloud");
  });

  it("reads static, type-only, re-export, multi-line and dynamic imports", () => {
    const text = `import { a } from "./a";\nimport type { B } from "@/lib/b";\nexport { c } from "../c";\nimport {\n  d,\n  e,\n} from "yaml";\nconst f = await import("./f");\nimport "./side-effect";`;
    const edges = importsOf("lib/engine/x/y.ts", text);
    expect(edges.map((e) => [e.specifier, e.target, e.typeOnly])).toEqual([
      ["./a", "lib/engine/x/a", false],
      ["@/lib/b", "lib/b", true],
      ["../c", "lib/engine/c", false],
      ["yaml", undefined, false],
      ["./side-effect", "lib/engine/x/side-effect", false],
      ["./f", "lib/engine/x/f", false],
    ]);
  });

  it("refuses an import that points up, and allows one that points down", () => {
    const up = { from: "components/ha/x.tsx", specifier: "@/app/_lib/session", target: "app/_lib/session", typeOnly: false };
    expect(checkImport(up, false)).toMatch(/components may not import entry/);
    const down = { from: "lib/services/x.ts", specifier: "../engine/errors", target: "lib/engine/errors", typeOnly: false };
    expect(checkImport(down, false)).toBeUndefined();
  });

  it("keeps the engine pure: no package but yaml (and vitest in tests), no other layer", () => {
    expect(checkImport({ from: "lib/engine/a.ts", specifier: "node:fs", typeOnly: false }, false)).toMatch(/nothing outside/);
    expect(checkImport({ from: "lib/engine/a.ts", specifier: "yaml", typeOnly: false }, false)).toBeUndefined();
    expect(checkImport({ from: "lib/engine/a.test.ts", specifier: "vitest", typeOnly: false }, false)).toBeUndefined();
    expect(checkImport({ from: "lib/engine/a.ts", specifier: "../cloud/types", target: "lib/cloud/types", typeOnly: true }, false)).toMatch(/may not import lib\/cloud/);
  });

  it("keeps Prisma inside lib/store and the store behind lib/services", () => {
    expect(checkImport({ from: "lib/services/a.ts", specifier: "../../generated/prisma/client", target: "generated/prisma/client", typeOnly: false }, false)).toMatch(/Prisma/);
    expect(checkImport({ from: "lib/store/a.ts", specifier: "../../generated/prisma/client", target: "generated/prisma/client", typeOnly: false }, false)).toBeUndefined();
    expect(checkImport({ from: "lib/api/a.ts", specifier: "../store/x", target: "lib/store/x", typeOnly: false }, false)).toMatch(/through lib\/services/);
  });

  it("keeps server-only values out of client components", () => {
    const edge = { from: "components/ha/h.tsx", specifier: "@/lib/services/ha", target: "lib/services/ha", typeOnly: false };
    expect(checkImport(edge, true)).toMatch(/client component/);
    expect(checkImport({ ...edge, typeOnly: true }, true)).toBeUndefined();
    expect(checkImport(edge, true, true)).toBeUndefined(); // a "use server" module: server actions

  });

  it("holds for every file in the tree", () => {
    const found = findViolations(root).map((v) => `${v.edge.from} -> ${v.edge.specifier}: ${v.rule}`);
    expect(found).toEqual([]);
  });
});
