#!/usr/bin/env node
// Runs every test runner (vitest: unit + integration; Playwright: browser) even when one fails,
// then prints one line "N passed, N failed" summing them all, and exits non-zero on any failure.
// The summary is also written to test-results/summary.txt so .ci/run can print it last.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const out = "test-results";
mkdirSync(out, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const only = process.argv[2]; // optional: "unit" or "e2e"

/** Runs a command with inherited output; returns its exit status. */
function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

/** Reads a JSON report, or undefined when the runner died before writing it. */
function readJson(file) {
  if (!existsSync(file)) return undefined;
  try { return JSON.parse(readFileSync(file, "utf8")); } catch { return undefined; }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;

if (only !== "e2e") {
  const file = `${out}/vitest.json`;
  rmSync(file, { force: true });
  const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${file}`]);
  const r = readJson(file);
  if (!r) crashed = true;
  else {
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  if (status !== 0 && (!r || r.numFailedTests === 0)) crashed = true;
}

if (only !== "unit") {
  // The browser tests run against a production build of the current sources.
  const build = run("npx", ["next", "build"]);
  if (build !== 0) crashed = true;
  else {
    const file = `${out}/playwright.json`;
    rmSync(file, { force: true });
    const status = run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    const r = readJson(file);
    if (!r) crashed = true;
    else {
      totals.passed += r.stats.expected + r.stats.flaky;
      totals.failed += r.stats.unexpected;
      totals.skipped += r.stats.skipped;
    }
    if (status !== 0 && (!r || r.stats.unexpected === 0)) crashed = true;
  }
}

if (crashed) totals.failed += 1; // a runner that died counts as a failure, never as silence
const line = `${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : "");
writeFileSync(`${out}/summary.txt`, line + "\n");
console.log(`\n${line}`);
process.exit(totals.failed > 0 ? 1 : 0);
