// Sizes of the designer's validation worker in a Turbopack build: the chunks the page hands to the
// worker bootstrap (turbopack-worker-*.js) for validate.worker.ts, the chunks the worker imports later
// (the registry, loaded on the first request), raw and gzip -6, and how much of it the designer page
// loads itself (the same files: the browser fetches them once).
//   node scripts/heat-catalog/worker-size.mjs [distDir]   (default .next; e.g. .next-h8)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = process.argv[2] ?? ".next";
const chunks = path.join(dist, "static", "chunks");
const read = (name) => fs.readFileSync(path.join(chunks, name));
const size = (name) => ({ raw: read(name).length, gzip: zlib.gzipSync(read(name), { level: 6 }).length });
const listed = (text) => [...text.matchAll(/"static\/chunks\/([^"]+\.js)"/g)].map((m) => m[1]);

const files = fs.readdirSync(chunks).filter((f) => f.endsWith(".js"));
const pageChunk = files.find((f) => read(f).toString().includes("validate.worker"));
if (!pageChunk) throw new Error(`no chunk of ${dist} starts validate.worker`);
const boot = /"static\/chunks\/turbopack-worker-[^"]+",\[([^\]]*)\]/.exec(read(pageChunk).toString());
if (!boot) throw new Error("no worker bootstrap list found");
const start = listed(boot[1]);
const later = [...new Set(start.flatMap((f) => listed(read(f).toString())))].filter((f) => !start.includes(f));
const manifest = path.join(dist, "server", "app", "designer", "page", "react-loadable-manifest.json");
const page = fs.existsSync(manifest) ? new Set(Object.values(JSON.parse(fs.readFileSync(manifest, "utf8"))).flatMap((e) => e.files.map((f) => path.basename(f)))) : new Set();

const rows = [];
const total = (label, names) => {
  const sum = names.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  rows.push({ label, files: names.length, ...sum });
};
total("worker start", start);
total("loaded on first request", later);
total("worker in all", [...start, ...later]);
total("of which the designer page loads too", [...start, ...later].filter((f) => page.has(f)));
total("worker's own (not in the page)", [...start, ...later].filter((f) => !page.has(f)));
for (const r of rows) console.log(`${r.label.padEnd(38)} ${String(r.files).padStart(2)} files ${String(r.raw).padStart(9)} B raw ${String(r.gzip).padStart(8)} B gzip`);
