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

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("hearth: no build found (.next/BUILD_ID); building the console with `next build` (about a minute)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) {
    console.error(`hearth: next build failed (exit ${build.status ?? build.signal})`);
    process.exit(build.status ?? 1);
  }
}

const port = process.env.PORT || "3000";
console.log(`hearth: starting the console on http://127.0.0.1:${port}`);
const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", port], { cwd: root, env, stdio: "inherit" });
// Forward stop signals so the server can close the engine cleanly.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
