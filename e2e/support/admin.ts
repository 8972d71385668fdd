/**
 * The e2e test server's identity admin: e2e/serve.mjs is given this password as
 * HEARTH_BOOTSTRAP_PASSWORD (by playwright.config.ts), and the global setup logs in with it once.
 */
export const E2E_ADMIN = { user: "admin", password: "e2e-admin-secret" } as const;

/**
 * Where the global setup keeps the logged-in admin's browser state (cookies) for the specs: one file
 * per server port, since cookies ignore the port and parallel runs on other ports must not share it.
 */
export function adminState(baseURL: string): string {
  return `test-results/e2e-auth/admin-${new URL(baseURL).port}.json`;
}
