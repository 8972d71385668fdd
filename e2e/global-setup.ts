/**
 * Playwright's global setup: logs in to the test server once as the identity admin and keeps the
 * browser state (the session cookie) in adminState(baseURL), which the specs start from. It runs after
 * Playwright has started the web server.
 */
import { chromium, type FullConfig } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { adminState, E2E_ADMIN } from "./support/admin";

/** Logs in through the login page and saves the storage state. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const { baseURL, launchOptions } = config.projects[0].use;
  if (!baseURL) throw new Error("e2e global setup: playwright.config.ts must set use.baseURL");
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ baseURL });
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(E2E_ADMIN.user, E2E_ADMIN.password);
    await page.waitForURL((url) => url.pathname === "/", { timeout: 60_000 }).catch(async (error: unknown) => {
      const refusal = await login.error.textContent({ timeout: 1_000 }).catch(() => null);
      throw new Error(`e2e global setup: logging in as ${E2E_ADMIN.user} failed${refusal ? `: ${refusal}` : ""} (is the server's HEARTH_BOOTSTRAP_PASSWORD the one in e2e/support/admin.ts?)`, { cause: error });
    });
    await page.context().storageState({ path: adminState(baseURL) });
  } finally {
    await browser.close();
  }
}
