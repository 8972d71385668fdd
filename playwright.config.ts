import { defineConfig } from "@playwright/test";
import { adminState, E2E_ADMIN } from "./e2e/support/admin";

/** Port of the console under test (kept apart from a developer's usual 3000); HEARTH_E2E_PORT overrides it. */
const PORT = Number(process.env.HEARTH_E2E_PORT || 3100);

/** Browser tests of the console: Debian's chromium, one worker, a production server on PORT. */
export default defineConfig({
  testDir: "./e2e",
  // Its own folder: Playwright empties outputDir, and test-results/ also holds the other runners' reports.
  outputDir: "./test-results/playwright",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  // Logs in once as the admin; every spec starts from that session (login.spec.ts starts without one).
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    storageState: adminState(`http://127.0.0.1:${PORT}`),
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    browserName: "chromium",
    launchOptions: {
      // Playwright's own browser downloads fail offline; Debian's chromium works (see NOTES-offline.md).
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
      ],
    },
  },
  // All specs share one server and database: launch.spec.ts starts with the empty console, so it
  // runs first (its first test sees no stacks); every other spec runs after it.
  projects: [
    { name: "first-run", testMatch: /launch\.spec\.ts$/ },
    { name: "console", testIgnore: /launch\.spec\.ts$/, dependencies: ["first-run"] },
  ],
  webServer: {
    // Empties data/e2e.db, then runs scripts/start.mjs (builds if needed, then next start).
    command: "node e2e/serve.mjs",
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      // A database of its own, emptied by e2e/serve.mjs so every run starts clean.
      DATABASE_URL: `file:./data/e2e-${PORT}.db`,
      // Fast, but slow enough to see progress stream in.
      HEARTH_SIM_SPEED: "0.05",
      HEARTH_DEMO: "0",
      // The identity admin's password on the fresh database (the global setup logs in with it).
      HEARTH_BOOTSTRAP_PASSWORD: E2E_ADMIN.password,
    },
  },
});
