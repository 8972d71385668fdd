/**
 * The real `openstack` CLI pointed at a Hearth API server (api-server.ts) through a clouds.yaml in a
 * temporary directory, for the real-client tests. `available` is false when /usr/bin/openstack is
 * missing (CI installs it with python3-heatclient).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startApiServer, type ApiServer } from "./api-server";

const OPENSTACK = "/usr/bin/openstack";

/** Whether the real client is installed. */
export const available = fs.existsSync(OPENSTACK);
if (!available) console.warn(`skipping the real-client tests: ${OPENSTACK} is missing (apt-get install -y python3-heatclient)`);

const run = promisify(execFile);

/** A Hearth API server, a directory with its clouds.yaml (cloud "hearth"), and the CLI bound to both. */
export interface OpenstackEnv {
  server: ApiServer;
  dir: string;
  /** Writes a file into the directory (templates, adopt files). */
  write(name: string, content: string): void;
  /** Runs `openstack <args>`; its stdout. */
  openstack(...args: string[]): Promise<string>;
  /** `openstack ... -f json`, parsed (after any event log lines `--wait` prints first). */
  openstackJson(...args: string[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- client JSON
  close(): Promise<void>;
}

/** Starts a server for the bootstrap admin with `password` and writes its clouds.yaml. */
export async function startOpenstackEnv(password: string): Promise<OpenstackEnv> {
  const server = await startApiServer(password);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-os-"));
  const clouds = `clouds:
  hearth:
    auth:
      auth_url: ${server.origin}/identity/v3
      username: admin
      password: ${password}
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    regions: [RegionOne, RegionTwo, RegionThree]
    identity_api_version: 3
`;
  fs.writeFileSync(path.join(dir, "clouds.yaml"), clouds);
  const env: OpenstackEnv = {
    server,
    dir,
    write: (name, content) => fs.writeFileSync(path.join(dir, name), content),
    async openstack(...args) {
      const vars = { ...process.env, OS_CLIENT_CONFIG_FILE: path.join(dir, "clouds.yaml"), OS_CLOUD: "hearth" };
      const { stdout } = await run(OPENSTACK, args, { env: vars, cwd: dir, timeout: 120_000 });
      return stdout;
    },
    async openstackJson(...args) {
      const out = await env.openstack(...args, "-f", "json");
      return JSON.parse(out.slice(out.search(/^[[{]/m)));
    },
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}
