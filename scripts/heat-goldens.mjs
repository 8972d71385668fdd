#!/usr/bin/env node
/**
 * Asks real OpenStack Heat (the oracle in ../shared/tools/heat-oracle) what it does with every
 * fixture under test/fixtures/heat/, and writes one golden JSON per fixture next to it:
 * verdict, stage, Heat's error message and class, and (in resolve mode) the outputs.
 *
 * A fixture's first line says how to run it:
 *   # fixture: {"mode": "validate" | "strict" | "resolve", "params": {...}, "env": ["files/x.env.yaml"]}
 *
 * Usage: node scripts/heat-goldens.mjs [fixture-name-substring]
 * Needs /usr/bin/python3 with Debian's python3-heat (run the oracle's setup.sh once).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dir = path.join(root, "test/fixtures/heat");
const oracle = process.env.HEAT_ORACLE ?? path.resolve(root, "../shared/tools/heat-oracle/validate.py");
const only = process.argv[2];

/** Reads the `# fixture:` header of a fixture. */
function meta(file) {
  const first = readFileSync(path.join(dir, file), "utf8").split("\n", 1)[0];
  const m = /^# fixture: (.*)$/.exec(first);
  return m ? JSON.parse(m[1]) : { mode: "validate" };
}

const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml") && (!only || f.includes(only)))
  .sort();

// One oracle run per distinct (mode, params, env): the oracle applies -P/-e to a whole batch.
const groups = new Map();
for (const f of fixtures) {
  const m = meta(f);
  const key = JSON.stringify([m.mode, m.params ?? {}, m.env ?? []]);
  if (!groups.has(key)) groups.set(key, { meta: m, files: [] });
  groups.get(key).files.push(f);
}

const tmp = mkdtempSync(path.join(tmpdir(), "heat-goldens-"));
let written = 0;
for (const { meta: m, files } of groups.values()) {
  const list = path.join(tmp, `batch-${written}.txt`);
  writeFileSync(list, files.map((f) => path.join(dir, f)).join("\n") + "\n");
  const args = [oracle, "--batch", list, "--jsonl"];
  if (m.mode === "strict") args.push("--mode", "strict");
  if (m.mode === "resolve") args.push("--resolve");
  for (const e of m.env ?? []) args.push("-e", path.join(dir, e));
  for (const [k, v] of Object.entries(m.params ?? {})) args.push("-P", `${k}=${v}`);
  let out;
  try {
    out = execFileSync("/usr/bin/python3", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    out = e.stdout; // the oracle exits 1 when some template fails: that is an answer, not an error
  }
  for (const line of out.split("\n").filter(Boolean)) {
    const r = JSON.parse(line);
    const name = path.basename(r.template, ".yaml");
    const golden = {
      fixture: `${name}.yaml`,
      mode: m.mode,
      ok: r.ok,
      stage: r.stage ?? null,
      error: r.error ?? null,
      error_class: r.error_class ?? null,
      outputs: r.outputs
        ? Object.fromEntries(r.outputs.map((o) => [o.output_key, o.output_error ? { error: o.output_error } : { value: o.output_value }]))
        : null,
      resource_refs: r.resource_refs ?? null,
    };
    writeFileSync(path.join(dir, `${name}.golden.json`), JSON.stringify(golden, null, 2) + "\n");
    written++;
  }
}
console.log(`wrote ${written} golden files for ${fixtures.length} fixtures`);
