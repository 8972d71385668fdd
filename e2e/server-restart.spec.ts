import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { StackDetailPage } from "./pages/stack-detail-page";
import { E2E_ADMIN } from "./support/admin";

/**
 * A stack page keeps streaming across a restart of the console's server: the create runs in a CLI
 * worker (its own engine), the server is stopped and started again mid-create, and the open page
 * reaches CREATE_COMPLETE without a reload (EventSource reconnects with Last-Event-ID).
 * This spec runs its own server from the same build, so it can stop it.
 */
const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.HEARTH_E2E_PORT || 3100) + 50;
const db = path.join(root, "data", `e2e-restart-${PORT}.db`);
const env = { ...process.env, DATABASE_URL: `file:${db}`, HEARTH_DEMO: "0", HEARTH_SIM_SPEED: "0.05", NEXT_TELEMETRY_DISABLED: "1", PORT: String(PORT), HEARTH_BOOTSTRAP_PASSWORD: E2E_ADMIN.password };
const TEMPLATE = path.join(root, "e2e", "fixtures", "slow-chain.yaml");

/** Starts `next start` on PORT from the existing build and resolves once it answers. */
async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(PORT)], { cwd: root, env, stdio: "ignore" });
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${PORT}/`).catch(() => undefined))?.status, { timeout: 60_000 }).toBe(200);
  return server;
}

/** Stops a server and waits until its port is closed. */
async function stopServer(server: ChildProcess): Promise<void> {
  server.kill("SIGTERM");
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${PORT}/`).then(() => "up", () => "down")), { timeout: 30_000 }).toBe("down");
}

test("an open stack page keeps streaming across a server restart", async ({ page }) => {
  test.setTimeout(180_000);
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  let server = await startServer();
  try {
    // Without --wait the CLI returns once the create has started; its worker runs the engine.
    execFileSync(process.execPath, [path.join(root, "bin/hearth.mjs"), "stack", "create", "restart-e2e", "-t", TEMPLATE], { cwd: root, env, stdio: "ignore" });
    // This server has its own database: log in to it (the page then comes back to the stack).
    await page.goto(`http://127.0.0.1:${PORT}/stacks/restart-e2e`);
    await new LoginPage(page).logIn(E2E_ADMIN.user, E2E_ADMIN.password);
    await page.waitForURL(/\/stacks\/restart-e2e$/);
    const stack = new StackDetailPage(page);
    await expect(stack.stream).toHaveAttribute("data-state", "live");
    await expect(stack.status).toHaveAttribute("data-status", "CREATE_IN_PROGRESS");
    await page.evaluate(() => Object.assign(window, { __hearthNoReload: true }));

    await stopServer(server);
    server = await startServer();

    await expect(stack.status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 90_000 });
    await expect(stack.resourceStatus("last")).toHaveText("CREATE_COMPLETE");
    expect(await page.evaluate(() => (window as unknown as { __hearthNoReload?: boolean }).__hearthNoReload)).toBe(true);
    const seqs = await stack.eventSeqs();
    expect(new Set(seqs).size).toBe(seqs.length); // nothing repeated after the reconnect
  } finally {
    server.kill("SIGTERM");
  }
});
