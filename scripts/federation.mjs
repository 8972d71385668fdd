#!/usr/bin/env node
// `npm run federation`: a local federation of RegionOne, RegionTwo and RegionThree, each its own
// `hearth engine --listen` process with its own SQLite file, on 127.0.0.1:3000, 3001 and 3002
// (HEARTH_FEDERATION_HOST, HEARTH_FEDERATION_PORT = the first port, HEARTH_FEDERATION_DIR = where the
// federation file and databases go, default data/federation). It writes the federation file (a new
// shared token key on first start), prints how to reach each region, and Ctrl-C stops them all.
// Tests import startFederation to run the same processes on their own ports.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { currentCli } from "./cli-build.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The regions of the local federation, in port order. */
export const FEDERATION_REGIONS = ["RegionOne", "RegionTwo", "RegionThree"];
/** How long a region may take to print its ready line (it migrates and bootstraps first). */
const READY_TIMEOUT_MS = 60_000;

/**
 * Writes (or keeps) `<dir>/federation.json` for regions on host:port..port+n-1 and answers its path
 * and content; an existing file keeps its token key, so tokens survive a restart.
 */
export function writeFederationFile(dir, host, ports, regions = FEDERATION_REGIONS) {
  const file = path.join(dir, "federation.json");
  let tokenKey = randomBytes(32).toString("base64url");
  if (fs.existsSync(file)) tokenKey = JSON.parse(fs.readFileSync(file, "utf8")).tokenKey ?? tokenKey;
  const doc = {
    tokenKey,
    regions: regions.map((name, i) => ({ name, heat: `http://${host}:${ports[i]}/heat-api`, identity: `http://${host}:${ports[i]}/identity` })),
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
  return { file, doc };
}

/**
 * Starts one region's process and resolves once it printed its ready line: `{ region, origin, child,
 * stderr(), alive() }`. `env` adds variables (HEARTH_SIM_SPEED, HEARTH_BOOTSTRAP_PASSWORD, ...).
 */
export function startRegion({ region, host, port, dir, federationFile, env = {} }) {
  const name = `${region}-engine`;
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "hearth.mjs"), "engine", "--listen", `${host}:${port}`, "--name", name], {
    cwd: ROOT,
    env: { ...process.env, HEARTH_ROOT: ROOT, HEARTH_DEMO: "0", ...env, DATABASE_URL: `file:${path.resolve(dir, `${region}.db`)}`, HEARTH_REGION: region, HEARTH_FEDERATION: federationFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let alive = true;
  child.stderr.on("data", (chunk) => (stderr += chunk.toString()));
  child.once("exit", () => (alive = false));
  const handle = { region, origin: `http://${host}:${port}`, child, stderr: () => stderr, alive: () => alive };
  return new Promise((resolve, reject) => {
    let out = "";
    const fail = (why) => {
      clearTimeout(timer);
      reject(new Error(`${region} ${why}; stdout: ${out.trim()}; stderr: ${stderr.trim().split("\n").slice(-10).join("\n")}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    child.stdout.on("data", (chunk) => {
      out += chunk.toString();
      if (!out.includes("\n")) return;
      clearTimeout(timer);
      if (out.startsWith(`hearth engine ${name} ready on`)) resolve(handle);
      else fail(`printed "${out.split("\n")[0]}" instead of its ready line`);
    });
    child.once("exit", (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
  });
}

/**
 * Starts every region of a federation (the CLI built once first, so the processes do not race to
 * build it) and answers `{ file, doc, regions }`; a region that fails to start stops the others.
 */
export async function startFederation({ dir, host = "127.0.0.1", basePort = 3000, regions = FEDERATION_REGIONS, env = {} }) {
  await currentCli(ROOT);
  const ports = regions.map((_, i) => basePort + i);
  const { file, doc } = writeFederationFile(dir, host, ports, regions);
  const started = regions.map((region, i) => startRegion({ region, host, port: ports[i], dir, federationFile: file, env }));
  const results = await Promise.allSettled(started);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) {
    for (const r of results) if (r.status === "fulfilled" && r.value.alive()) r.value.child.kill("SIGKILL");
    throw failed.reason;
  }
  return { file, doc, regions: results.map((r) => r.value) };
}

/** `npm run federation`: starts the three regions and waits for Ctrl-C, then stops them (SIGTERM). */
async function main() {
  const dir = path.resolve(process.env.HEARTH_FEDERATION_DIR || path.join(ROOT, "data", "federation"));
  const host = process.env.HEARTH_FEDERATION_HOST || "127.0.0.1";
  const basePort = Number(process.env.HEARTH_FEDERATION_PORT || 3000);
  if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65533) throw new Error(`HEARTH_FEDERATION_PORT must be a port number, not "${process.env.HEARTH_FEDERATION_PORT}"`);
  const { file, regions } = await startFederation({ dir, host, basePort });
  console.log(`hearth federation: ${regions.length} regions, federation file ${file}`);
  for (const r of regions) console.log(`  ${r.region.padEnd(12)} ${r.origin}  (Heat ${r.origin}/heat-api, Keystone ${r.origin}/identity/v3, pid ${r.child.pid})`);
  console.log(`reach one with: openstack --os-auth-url ${regions[0].origin}/identity/v3 --os-username admin --os-project-name admin --os-region-name RegionTwo stack list`);
  console.log("Ctrl-C stops every region.");
  for (const r of regions) r.child.once("exit", (code, signal) => r.child.killed || console.error(`hearth federation: ${r.region} exited (${code ?? signal}): ${r.stderr().trim().split("\n").slice(-5).join("\n")}`));
  const stop = () => {
    for (const r of regions) if (r.alive()) r.child.kill("SIGTERM");
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await Promise.all(regions.map((r) => new Promise((resolve) => (r.alive() ? r.child.once("exit", resolve) : resolve()))));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`hearth federation: ${error.message}`);
    process.exit(1);
  });
}
