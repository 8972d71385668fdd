/**
 * The CLI as a user runs it: `npx hearth stack create NAME -t FILE --wait` and `npx hearth stack
 * delete NAME --wait -y`, one whole process each (start-up, database open, engine, exit), on the
 * database of DATABASE_URL in `env`. Also the peak RSS of one `hearth stack create` process.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { E2ePath } from "./path";

/** The project root (npx finds the `hearth` bin there). */
const ROOT = path.resolve(import.meta.dirname, "../..");
/** GNU time: its wait4() rusage gives a finished child's peak RSS, which Node does not expose. */
const GNU_TIME = "/usr/bin/time";

/** Runs a command in the project root; resolves when it exits 0, else rejects with its stderr's tail. */
function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bench: ${command} ${args.slice(0, 4).join(" ")} exited ${code}: ${stderr.trim()}`))));
  });
}

/** Writes a stack's template into `dir`; returns its path. */
function templateFile(dir: string, name: string, template: string): string {
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(file, template);
  return file;
}

/** The CLI path: each call a new `npx hearth` process. */
export function cliPath(dir: string, env: Record<string, string>): E2ePath {
  const hearth = (args: string[]) => run("npx", ["hearth", ...args], env);
  return {
    name: "CLI",
    async create(name, template) {
      const file = templateFile(dir, name, template);
      const t0 = performance.now();
      await hearth(["stack", "create", name, "-t", file, "--wait"]);
      return performance.now() - t0;
    },
    async delete(name) {
      const t0 = performance.now();
      await hearth(["stack", "delete", name, "--wait", "-y"]);
      return performance.now() - t0;
    },
  };
}

/**
 * Peak RSS in MB of one `hearth stack create --wait` process (node bin/hearth.mjs directly, so the
 * figure is Hearth's, not npm's), or undefined when GNU time is not installed.
 */
export async function cliCreatePeakRssMb(dir: string, env: Record<string, string>, name: string, template: string): Promise<number | undefined> {
  if (!fs.existsSync(GNU_TIME)) return undefined;
  const report = path.join(dir, `${name}.rss`);
  await run(GNU_TIME, ["-f", "%M", "-o", report, process.execPath, "bin/hearth.mjs", "stack", "create", name, "-t", templateFile(dir, name, template), "--wait"], env);
  return Number(fs.readFileSync(report, "utf8").trim().split("\n").at(-1)) / 1024;
}
