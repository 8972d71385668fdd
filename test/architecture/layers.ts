/**
 * The layer rules of DESIGN.md as code: which folder is which layer, and what an import from one file to
 * another may do. `test/architecture/layers.test.ts` runs them over the whole tree, so an import that
 * points up fails the build.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A layer, top (entry points) to bottom (the pure engine); imports only point down this list. */
export const LAYERS = [
  { name: "entry", roots: ["app", "cli", "bin", "scripts", "bench", "e2e", "test", "."] },
  { name: "components", roots: ["components"] },
  { name: "lib/console", roots: ["lib/console"] },
  { name: "lib/api", roots: ["lib/api"] },
  { name: "lib/services", roots: ["lib/services"] },
  { name: "lib/federation", roots: ["lib/federation"] },
  { name: "lib/store", roots: ["lib/store"] },
  { name: "lib/cloud", roots: ["lib/cloud"] },
  { name: "lib/engine", roots: ["lib/engine"] },
] as const;

/** Layers that run on the server only: a client component ("use client") never imports a value from them. */
const SERVER_ONLY = new Set(["lib/console", "lib/api", "lib/services", "lib/federation", "lib/store", "lib/cloud"]);
/** Packages the engine may import besides its own files (tests may also use vitest). */
const ENGINE_PACKAGES = new Set(["yaml"]);
const ENGINE_TEST_PACKAGES = new Set(["yaml", "vitest"]);
/** The generated Prisma client and Prisma's packages: reached from lib/store only. */
const PRISMA = /^(@prisma\/|prisma$|generated\/prisma)/;

/** One import statement of a source file. */
export interface ImportEdge {
  /** Repository-relative path of the importing file. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Repository-relative path (without extension) for local imports; undefined for packages. */
  target?: string;
  /** `import type` / `export type`: erased at build time. */
  typeOnly: boolean;
}

/** A broken rule: which import, and why it may not be there. */
export interface LayerViolation { edge: ImportEdge; rule: string }

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const SKIP_DIRS = new Set(["node_modules", "generated", "dist", ".next", ".git", "test-results", "data", "bench/out", "playwright-report"]);

/** Every TypeScript/JavaScript source file under `root`, repository-relative. */
export function sourceFiles(root: string, dir = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(rel) && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith(".")) out.push(...sourceFiles(root, rel));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

const STATEMENT = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[^;'"`]*?\s+from\s+)?["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The imports of one file (static, re-exports and dynamic imports with a literal specifier). */
export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(STATEMENT)) edges.push(edge(file, m[3], m[2] !== undefined));
  for (const m of text.matchAll(DYNAMIC)) edges.push(edge(file, m[1], false));
  return edges;
}

function edge(from: string, specifier: string, typeOnly: boolean): ImportEdge {
  let target: string | undefined;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return { from, specifier, target, typeOnly };
}

/** The index in LAYERS of a repository-relative path (the most specific root wins). */
export function layerOf(file: string): number {
  let best = 0;
  let bestLength = -1;
  LAYERS.forEach((layer, index) => {
    for (const root of layer.roots) {
      const inside = root === "." ? !file.includes("/") : file === root || file.startsWith(`${root}/`);
      const length = root === "." ? 0 : root.length;
      if (inside && length > bestLength) { best = index; bestLength = length; }
    }
  });
  return best;
}

/** Test code: tests, contracts, fixtures, testing helpers, and the test/ and e2e/ trees. */
const isTest = (file: string) =>
  /\.(test|spec|contract|fixture)\.tsx?$/.test(file) || /(^|\/)testing(\/|\.ts$)/.test(file) || /^(test|e2e)\//.test(file);
/** Prisma's own folder and the configuration files its CLI reads. */
const isPrismaTooling = (file: string) => file.startsWith("prisma/") || /(^|\/)prisma\.config\.ts$/.test(file);

/** Checks one import against the rules; undefined when it is allowed. */
export function checkImport(edge: ImportEdge, clientModule: boolean, targetIsServerAction = false): string | undefined {
  const fromLayer = LAYERS[layerOf(edge.from)].name;
  if (edge.target === undefined) {
    const pkg = edge.specifier.startsWith("@") ? edge.specifier.split("/").slice(0, 2).join("/") : edge.specifier.split("/")[0];
    if (fromLayer === "lib/engine") {
      const allowed = isTest(edge.from) ? ENGINE_TEST_PACKAGES : ENGINE_PACKAGES;
      if (!allowed.has(pkg)) return `lib/engine imports nothing outside it but ${[...allowed].join(", ")}`;
    }
    if (PRISMA.test(edge.specifier) && fromLayer !== "lib/store" && !isPrismaTooling(edge.from)) return "Prisma is reached from lib/store only";
    return undefined;
  }
  if (PRISMA.test(edge.target) && fromLayer !== "lib/store") return "Prisma is reached from lib/store only";
  if (edge.target.startsWith("generated/")) return undefined;
  const test = isTest(edge.from);
  if (test && edge.target.startsWith("test/")) return undefined; // tests share fixtures from test/
  const toIndex = layerOf(edge.target);
  const toLayer = LAYERS[toIndex].name;
  if (toIndex < layerOf(edge.from)) return `${fromLayer} may not import ${toLayer} (imports only point down)`;
  const reader = topFolder(edge.from);
  if (topFolder(edge.target) === "app" && reader !== "app" && !test && reader !== "bench") {
    return "app/ is routes only: nothing outside it imports it (but tests and benches of its routes)";
  }
  if (toLayer === "lib/store" && STORE_READERS_DENIED.has(fromLayer) && !test && reader !== "scripts" && reader !== "bench") {
    return "UI, routes, the API and the CLI reach the store through lib/services";
  }
  if (clientModule && !edge.typeOnly && !targetIsServerAction && SERVER_ONLY.has(toLayer)) return `a client component may not import a value from server-only ${toLayer}`;
  return undefined;
}

/** Layers that reach the store only through lib/services. */
const STORE_READERS_DENIED = new Set(["entry", "components", "lib/console", "lib/api"]);

const topFolder = (file: string) => (file.includes("/") ? file.split("/")[0] : ".");

const CLIENT = /^\s*["']use client["']/;
const SERVER_ACTIONS = /^\s*["']use server["']/;

/** Every violation in the tree under `root`. */
export function findViolations(root: string): LayerViolation[] {
  const files = sourceFiles(root);
  const texts = new Map(files.map((file) => [file, readFileSync(path.join(root, file), "utf8")]));
  /** Server actions ("use server" modules) are what a client component calls on the server: it may import them. */
  const isServerAction = (target: string | undefined) =>
    target !== undefined && [".ts", ".tsx", "/index.ts"].some((ext) => SERVER_ACTIONS.test(texts.get(target + ext) ?? ""));
  const violations: LayerViolation[] = [];
  for (const [file, text] of texts) {
    const clientModule = CLIENT.test(text);
    for (const edge of importsOf(file, text)) {
      const rule = checkImport(edge, clientModule, isServerAction(edge.target));
      if (rule) violations.push({ edge, rule });
    }
  }
  return violations;
}
