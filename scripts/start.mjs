#!/usr/bin/env node
// `npm start`: serves the Hearth console on 127.0.0.1:${PORT:-3000}. Builds the Next app first when no
// build exists (.next/BUILD_ID missing), creates data/ for the default SQLite database, and disables
// Next's telemetry (no network here). The server's instrumentation hook applies migrations.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", HEARTH_ROOT: process.env.HEARTH_ROOT ?? root };
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

// The default database lives in data/; SQLite does not create folders.
fs.mkdirSync(path.join(root, "data"), { recursive: true });

const distDir = process.env.HEARTH_DIST_DIR || ".next";
const buildId = path.join(root, distDir, "BUILD_ID");

/** Newest modification time under the given paths (source folders and config files). */
function newestSource(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try { st = fs.statSync(p); } catch { return; }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(path.join(root, p));
  return newest;
}

// Build when there is no build, or when the sources changed after it (a stale console misleads).
const sources = ["app", "components", "lib", "instrumentation.ts", "next.config.ts", "package-lock.json", "prisma/schema.prisma"];
const reason = !fs.existsSync(buildId) ? `no build found (${distDir}/BUILD_ID)` : newestSource(sources) > fs.statSync(buildId).mtimeMs ? "sources changed since the last build" : "";
if (reason) {
  console.log(`hearth: ${reason}; building the console with \`next build\` (about a minute)...`);
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) {
    console.error(`hearth: next build failed (exit ${build.status ?? build.signal})`);
    process.exit(build.status ?? 1);
  }
}

const port = process.env.PORT || "3000";
// The server's own address, which it records for signal URLs (lib/services/ha/public-url.ts).
env.PORT = port;
console.log(`hearth: starting the console on http://127.0.0.1:${port}`);
console.log(`hearth: log in as "admin" with ${process.env.HEARTH_BOOTSTRAP_PASSWORD ? "the password in HEARTH_BOOTSTRAP_PASSWORD" : "the password printed below on a first start (set HEARTH_BOOTSTRAP_PASSWORD to choose it)"}`);
const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", port], { cwd: root, env, stdio: "inherit" });
// Forward stop signals so the server can close the engine cleanly.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
