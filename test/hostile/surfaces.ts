/**
 * The two ways a hostile request reaches Hearth, behind one interface: the REST API (the in-process
 * handlers of test/api/harness.ts) and the CLI (runCli in-process, files written to a temporary
 * folder). Each answers whether the request was refused and the words it was refused with.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../../cli/index";
import type { EngineLimits } from "../../lib/engine/limits";
import { createHearth } from "../../lib/services";
import type { Hearth } from "../../lib/services/types";
import { tempDatabaseFile } from "../../lib/store/testing/temp-database";
import { ADMIN_PASSWORD, settled, startHarness } from "../api/harness";
import type { HostileCase } from "./limit-cases";

/** What a surface answered. */
export interface Outcome {
  /** Refused at once (a 4xx, a failing command), or accepted and then FAILED (failsAtCreate). */
  refused: boolean;
  /** The refusal's words: the API's error message, the CLI's output, or the failed stack's reason. */
  text: string;
}

/** One surface with its own Hearth (and so its own database). */
export interface Surface {
  name: "api" | "cli";
  hearth: Hearth;
  submit(c: HostileCase, stackName: string): Promise<Outcome>;
  close(): Promise<void>;
}

const HOT_ONE = "heat_template_version: 2018-08-31\nresources:\n  r: {type: OS::Heat::None}\n";

/** A JSON request body as bytes, the template's own bytes kept as they are (they may not be UTF-8). */
function bodyBytes(fields: Record<string, unknown>, template: string | Uint8Array): string | Uint8Array {
  if (typeof template === "string") return JSON.stringify({ ...fields, template });
  const encoder = new TextEncoder();
  const head = JSON.stringify({ ...fields, template: "" }).slice(0, -2);
  return new Uint8Array([...encoder.encode(head), ...template, ...encoder.encode('"}')]);
}

/** The REST API, as the bootstrap admin of project admin. */
export async function apiSurface(limits: Partial<EngineLimits> = {}): Promise<Surface> {
  const api = await startHarness({ limits });
  const { token, projectId } = await api.login("admin", ADMIN_PASSWORD, "admin");
  const base = `/heat-api/v1/${projectId}`;
  const create = async (name: string, fields: Record<string, unknown>, template: string | Uint8Array): Promise<Outcome> => {
    const answer = await api.call("POST", `${base}/stacks`, { token, body: bodyBytes({ stack_name: name, ...fields }, template) });
    if (answer.status !== 201) return { refused: true, text: answer.body?.error?.message ?? JSON.stringify(answer.body) };
    const status = await settled(api, projectId, token, name);
    const { stack } = await api.hearth.forProject(projectId).getStack(name);
    return { refused: status.endsWith("FAILED"), text: `${status}: ${stack.statusReason}` };
  };
  return {
    name: "api",
    hearth: api.hearth,
    async submit(c, stackName) {
      for (let i = 0; i < (c.before ?? 0); i++) await create(`${stackName}-before${i}`, {}, HOT_ONE);
      const fields = { files: c.files ?? {}, parameters: c.parameters ?? {}, ...(c.environment ? { environment: c.environment } : {}) };
      if (c.action === "create") return create(stackName, fields, c.template);
      const answer = await api.call("POST", `${base}/validate`, { token, body: bodyBytes(fields, c.template) });
      return { refused: answer.status >= 400, text: answer.status >= 400 ? (answer.body?.error?.message ?? "") : JSON.stringify(answer.body) };
    },
    close: () => api.close(),
  };
}

/** The CLI, run in-process on files in a temporary folder. */
export async function cliSurface(limits: Partial<EngineLimits> = {}): Promise<Surface> {
  const file = tempDatabaseFile("hearth-hostile-cli-");
  const hearth = await createHearth({ databaseUrl: file.url, root: path.resolve(import.meta.dirname, "../.."), simSpeed: 0, pollIntervalMs: 10, haMonitor: false, bootstrapPassword: ADMIN_PASSWORD, limits });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-hostile-files-"));
  const cli = async (...argv: string[]): Promise<{ code: number; output: string }> => {
    let output = "";
    const write = (t: string) => void (output += t);
    const code = await runCli(argv, { stdout: write, stderr: write, cwd: dir, openHearth: async () => hearth });
    return { code, output };
  };
  return {
    name: "cli",
    hearth,
    async submit(c, stackName) {
      fs.writeFileSync(path.join(dir, "one.yaml"), HOT_ONE);
      for (let i = 0; i < (c.before ?? 0); i++) await cli("stack", "create", `${stackName}-before${i}`, "-t", "one.yaml", "--wait");
      fs.writeFileSync(path.join(dir, "template.yaml"), c.template);
      for (const [name, content] of Object.entries(c.files ?? {})) fs.writeFileSync(path.join(dir, name), content);
      const env = [...(c.environment === undefined ? [] : ["-e", "env.yaml"]), ...Object.entries(c.parameters ?? {}).flatMap(([k, v]) => ["--parameter", `${k}=${v}`])];
      if (c.environment !== undefined) fs.writeFileSync(path.join(dir, "env.yaml"), c.environment);
      const argv = c.action === "create" ? ["stack", "create", stackName, "-t", "template.yaml", ...env, "--wait"] : ["validate", "-t", "template.yaml", ...env];
      const { code, output } = await cli(...argv);
      return { refused: code !== 0, text: output };
    },
    async close() {
      await hearth.close();
      file.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The surfaces by name. */
export const SURFACES = { api: apiSurface, cli: cliSurface };
