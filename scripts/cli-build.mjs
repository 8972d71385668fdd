#!/usr/bin/env node
// The prebuilt CLI: esbuild bundles cli/main.ts (and what it imports from lib/, generated/) into
// dist/cli/<build>/, split so that the store, the cloud and Prisma load only when a command opens
// Hearth. npm packages stay external (resolved from node_modules at run time), except the ones in
// BUNDLED: `yaml` and Prisma's runtime are CommonJS, and Node's scan of CommonJS exports when ESM
// imports them cost more than the rest of `--help` (yaml) and about 100 ms of `validate` (Prisma).
//
// `currentCli(root)` returns the entry of a build made from the sources as they are now: the
// manifest (dist/cli/manifest.json) lists every input with its mtime, and any input changed or gone
// means a new build. Each build gets its own folder and the manifest is replaced atomically, so
// processes starting at the same moment never see half a build; folders older than an hour that the
// manifest no longer names are removed.
//
//   node scripts/cli-build.mjs     (run by postinstall; bin/hearth.mjs builds on demand too)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const OUT = path.join("dist", "cli");
const MANIFEST = path.join(OUT, "manifest.json");
/** Files that shape the build without being bundled. */
const BUILD_INPUTS = ["scripts/cli-build.mjs", "tsconfig.json", "package.json"];
const STALE_BUILD_MS = 60 * 60 * 1000;
const BUNDLED = new Set(["yaml", "@prisma/client", "@prisma/adapter-better-sqlite3"]);
/** JSON files at least this big are bundled as a string given to JSON.parse. */
const JSON_PARSE_BYTES = 32 * 1024;

/**
 * Bundles a big JSON file (Heat's catalogue, 740 KB) as `JSON.parse("...")` instead of esbuild's
 * object literal: V8 parses a JSON string several times faster than JavaScript source of the same
 * size, and the catalogue's chunk is loaded by every command that opens the engine.
 */
const jsonAsString = {
  name: "json-as-string",
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, "utf8");
      if (text.length < JSON_PARSE_BYTES) return undefined;
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: "js" };
    });
  },
};

/** The packages left to node_modules: every dependency but the bundled ones. */
function externalPackages(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  return [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter((name) => !BUNDLED.has(name));
}

/** The mtime of a file, or -1 when it is gone. */
function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** The manifest if every input it lists is unchanged and its entry exists, else undefined. */
function freshManifest(root) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, MANIFEST), "utf8"));
  } catch {
    return undefined;
  }
  for (const [file, at] of Object.entries(manifest.inputs)) if (mtime(path.join(root, file)) !== at) return undefined;
  return fs.existsSync(path.join(root, manifest.entry)) ? manifest : undefined;
}

/** Builds the CLI into a new folder and points the manifest at it; returns the entry's absolute path. */
export async function buildCli(root) {
  const { build } = await import("esbuild");
  const started = Date.now();
  const dir = path.join(OUT, `build-${started.toString(36)}-${process.pid}`);
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["cli/main.ts"],
    outdir: dir,
    bundle: true,
    splitting: true,
    format: "esm",
    outExtension: { ".js": ".mjs" },
    platform: "node",
    target: "node20",
    external: externalPackages(root),
    // no keepNames: its __name() wrapper runs at every closure's creation (16 ms of a 1000-resource
    // create, ~10% of its CPU in all); no code of ours reads a function's or class's .name
    // (errors set this.name), and the bundled CommonJS keeps its names inside its own wrappers
    // lets bundled CommonJS (yaml) require Node's built-ins
    banner: { js: 'import { createRequire as __hearthRequire } from "node:module"; const require = __hearthRequire(import.meta.url);' },
    plugins: [jsonAsString],
    metafile: true,
    logLevel: "warning",
  });
  // An input edited while the build ran is recorded as changed, so the next run builds again.
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS].map((file) => {
      const at = mtime(path.join(root, file));
      return [file, at > started ? 0 : at];
    }),
  );
  const manifest = { entry: path.join(dir, "main.mjs"), inputs };
  const temp = path.join(root, `${MANIFEST}.${process.pid}`);
  fs.writeFileSync(temp, JSON.stringify(manifest));
  fs.renameSync(temp, path.join(root, MANIFEST));
  pruneBuilds(root, dir);
  return path.join(root, manifest.entry);
}

/** Removes build folders other than `keep` that are older than STALE_BUILD_MS. */
function pruneBuilds(root, keep) {
  for (const name of fs.readdirSync(path.join(root, OUT))) {
    const dir = path.join(OUT, name);
    if (!name.startsWith("build-") || dir === keep) continue;
    if (Date.now() - mtime(path.join(root, dir)) > STALE_BUILD_MS) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
  }
}

/** The absolute path of a CLI entry built from the current sources (building one when needed). */
export async function currentCli(root) {
  const manifest = freshManifest(root);
  return manifest ? path.join(root, manifest.entry) : buildCli(root);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
}
