import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { LaunchPage } from "./pages/launch-page";
import { LoginPage } from "./pages/login-page";
import { StackDetailPage } from "./pages/stack-detail-page";
import { E2E_ADMIN } from "./support/admin";

/**
 * The console on PostgreSQL: its own `next start` from the same build with DATABASE_URL on a fresh
 * PostgreSQL database (HEARTH_TEST_POSTGRES_URL names the server; .ci/run starts one), a stack
 * launched in the browser reaches CREATE_COMPLETE, and a CLI process on the same database reads it back.
 */
const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.HEARTH_E2E_PORT || 3100) + 60;
const adminUrl = process.env.HEARTH_TEST_POSTGRES_URL;
const database = `hearth_e2e_console_${PORT}`;
const TEMPLATE = `heat_template_version: 2021-04-16
resources:
  net: {type: OS::Neutron::Net}
  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.9.0.0/24}}
  web: {type: OS::Nova::Server, properties: {image: cirros, flavor: m1.tiny, networks: [{subnet: {get_resource: subnet}}]}}
`;

/** Runs one statement on the server's admin database. */
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

test("the console runs on PostgreSQL: launch in the browser, read back by the CLI", async ({ page }) => {
  test.skip(!adminUrl, "HEARTH_TEST_POSTGRES_URL names no PostgreSQL server");
  test.setTimeout(180_000);
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${database}"`);
  const url = new URL(adminUrl!);
  url.pathname = `/${database}`;
  const env = { ...process.env, DATABASE_URL: url.toString(), HEARTH_DEMO: "0", HEARTH_SIM_SPEED: "0.05", NEXT_TELEMETRY_DISABLED: "1", HEARTH_BOOTSTRAP_PASSWORD: E2E_ADMIN.password };
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(PORT)], { cwd: root, env, stdio: "ignore" });
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${PORT}/login`).catch(() => undefined))?.status, { timeout: 60_000 }).toBe(200);
    await page.goto(`http://127.0.0.1:${PORT}/login`);
    await new LoginPage(page).logIn(E2E_ADMIN.user, E2E_ADMIN.password);
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));

    await page.goto(`http://127.0.0.1:${PORT}/launch`);
    await page.locator('[data-testid="launch-form"][data-ready="true"]').waitFor();
    const launch = new LaunchPage(page);
    await launch.typeTemplate(TEMPLATE);
    await launch.validate();
    await launch.setStack({ name: "pg-console" });
    await launch.launch();
    await page.waitForURL(/\/stacks\//);
    const stack = new StackDetailPage(page);
    await expect(stack.status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 90_000 });
    await expect(stack.resourceStatus("web")).toHaveText("CREATE_COMPLETE");

    const shown = JSON.parse(execFileSync(process.execPath, [path.join(root, "bin/hearth.mjs"), "stack", "show", "pg-console", "-f", "json"], { cwd: root, env }).toString()) as { stack_status: string };
    expect(shown.stack_status).toBe("CREATE_COMPLETE");
    const servers = execFileSync(process.execPath, [path.join(root, "bin/hearth.mjs"), "cloud", "server", "list", "-f", "json"], { cwd: root, env }).toString();
    expect(JSON.parse(servers)).toEqual(expect.arrayContaining([expect.objectContaining({ Name: expect.stringMatching(/web/) })]));
  } finally {
    server?.kill("SIGTERM");
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${PORT}/`).then(() => "up", () => "down")), { timeout: 30_000 }).toBe("down");
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
});
