/**
 * What a short CLI command costs as a whole process (start-up, database open, engine, exit): `--help`,
 * `validate` of a small template, and create + delete (--wait) of flat stacks of OS::Heat::None, each
 * a new process timed by GNU time (wall and user + system CPU). Several CLI builds are run interleaved,
 * round after round, so a loaded machine weighs on each alike; each build has its own SQLite file.
 *
 *   npx tsx bench/cli-start.ts --snapshot NAME        keeps the current prebuilt CLI as dist/cli-snapshots/NAME
 *   npx tsx bench/cli-start.ts [--rounds 5] [--sizes 100,1000] [NAME ...]
 *   npx tsx bench/cli-start.ts --tiny                  one round, flat 10 (test/bench runs it)
 *
 * Without NAMEs it runs `node bin/hearth.mjs` (which also checks that the prebuilt CLI is fresh). A
 * snapshot runs as bin/hearth.mjs runs the CLI, minus that freshness check: to compare two commits,
 * snapshot at each (after a `node bin/hearth.mjs --help` builds it) and run both NAMEs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { flagValue, median, numberFlag, positionalArgs, printTable, TINY } from "./support";

const ROOT = path.resolve(import.meta.dirname, "..");
const SNAPSHOTS = path.join(ROOT, "dist", "cli-snapshots");

const name = flagValue("snapshot");
if (name !== undefined) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "dist", "cli", "manifest.json"), "utf8")) as { entry: string };
  fs.rmSync(path.join(SNAPSHOTS, name), { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, path.dirname(manifest.entry)), path.join(SNAPSHOTS, name), { recursive: true });
  console.log(`kept ${manifest.entry} as ${path.relative(ROOT, path.join(SNAPSHOTS, name))}`);
  process.exit(0);
}

const rounds = numberFlag("rounds", TINY ? 1 : 5);
const sizes = (flagValue("sizes") ?? (TINY ? "10" : "100,1000")).split(",").map(Number);
const builds = positionalArgs(["--rounds", "--sizes"]);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "cli-start-"));

/** Runs a snapshot as bin/hearth.mjs runs the CLI (HEARTH_ROOT set, the entry imported). */
const runner = path.join(work, "run-snapshot.mjs");
fs.writeFileSync(runner, `process.env.HEARTH_ROOT ??= ${JSON.stringify(ROOT)};\nconst entry = process.argv.splice(2, 1)[0];\nawait import(${JSON.stringify(pathToFileURL(SNAPSHOTS).href)} + "/" + entry + "/main.mjs");\n`);

const small = path.join(work, "small.yaml");
fs.writeFileSync(small, "heat_template_version: 2018-08-31\nresources:\n  net: {type: OS::Neutron::Net}\n  port:\n    type: OS::Neutron::Port\n    properties: {network: {get_resource: net}}\n  secret: {type: OS::Heat::RandomString}\n");
for (const n of sizes) {
  const resources = Array.from({ length: n }, (_, i) => `  r${i}:\n    type: OS::Heat::None\n`).join("");
  fs.writeFileSync(path.join(work, `flat${n}.yaml`), `heat_template_version: 2018-08-31\nresources:\n${resources}`);
}

const samples = new Map<string, Map<string, [number, number][]>>();

/** One process of `build` running `args`; its wall and CPU seconds are added to `label`'s samples. */
function time(build: string, label: string, args: string[]): void {
  const out = path.join(work, "time.txt");
  const command = build === "bin" ? [path.join(ROOT, "bin", "hearth.mjs")] : [runner, build];
  const env = { ...process.env, DATABASE_URL: `file:${path.join(work, `${build}.db`)}`, HEARTH_DEMO: "0", HEARTH_BOOTSTRAP_PASSWORD: "bench", HEARTH_MAX_RESOURCES_PER_STACK: "-1", CHECKPOINT_DISABLE: "1" };
  const r = spawnSync("/usr/bin/time", ["-o", out, "-f", "%e %U %S", process.execPath, ...command, ...args], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`${build} ${args.join(" ")} exited ${r.status}: ${r.stderr.toString().slice(-2000)}`);
  const [wall, user, system] = fs.readFileSync(out, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  const byBuild = samples.get(label) ?? new Map<string, [number, number][]>();
  samples.set(label, byBuild);
  byBuild.set(build, [...(byBuild.get(build) ?? []), [wall, user + system]]);
}

const names = builds.length ? builds : ["bin"];
for (const build of names) time(build, "first start", ["stack", "list"]);
for (let round = 0; round < rounds; round++) {
  for (const build of names) {
    time(build, "--help", ["--help"]);
    time(build, "validate (3 resources)", ["validate", "-t", small]);
    for (const n of sizes) {
      const stack = `flat${n}-${round}`;
      time(build, `stack create --wait, flat ${n}`, ["stack", "create", stack, "-t", path.join(work, `flat${n}.yaml`), "--wait"]);
      time(build, `stack delete --wait, flat ${n}`, ["stack", "delete", stack, "--wait", "-y"]);
    }
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const rows = [...samples].filter(([label]) => label !== "first start").map(([label, byBuild]) => [
  label,
  ...names.map((b) => {
    const s = byBuild.get(b)!;
    return `${median(s.map((x) => x[0])).toFixed(2)} / ${median(s.map((x) => x[1])).toFixed(2)} (${mean(s.map((x) => x[1])).toFixed(3)})`;
  }),
]);
printTable(["command", ...names], rows, `${rounds} rounds, median wall / median CPU (mean CPU) in seconds, load ${os.loadavg()[0].toFixed(1)}`);
fs.rmSync(work, { recursive: true, force: true });
