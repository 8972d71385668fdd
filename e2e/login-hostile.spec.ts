import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { E2E_ADMIN } from "./support/admin";

/**
 * Hostile logins in a real browser: `next` values a browser would read as another host always land
 * on this site, password guessing is throttled with a clear message, and requests the console does
 * not serve (TRACE, a server action from another origin) get a clear 4xx. Starts without a session.
 */
test.use({ storageState: { cookies: [], origins: [] } });

const SHOTS = path.join(import.meta.dirname, "screenshots");
const USER = { user: "hostile-login", password: "hostile-secret" };
const GUESSER = { user: "hostile-guessed", password: "guessed-secret" };

/** Makes (once) the two users with the member role on the demo project, through the identity API. */
async function prepare(request: APIRequestContext): Promise<void> {
  const login = await request.post("/identity/v3/auth/tokens", {
    data: { auth: { identity: { methods: ["password"], password: { user: { name: E2E_ADMIN.user, password: E2E_ADMIN.password } } }, scope: { project: { name: "admin" } } } },
  });
  expect(login.status()).toBe(201);
  const headers = { "x-auth-token": login.headers()["x-subject-token"] };
  const demo = ((await (await request.get("/identity/v3/projects", { headers })).json()).projects as { id: string; name: string }[]).find((p) => p.name === "demo")!;
  for (const { user, password } of [USER, GUESSER]) {
    const made = await request.post("/identity/v3/users", { headers, data: { user: { name: user, password } } });
    if (made.status() === 409) continue;
    expect(made.status()).toBe(201);
    expect((await request.put(`/identity/v3/projects/${demo.id}/users/${(await made.json()).user.id}/roles/member`, { headers })).status()).toBe(204);
  }
}

test.beforeAll(async ({ request }) => {
  await prepare(request);
});

test("next never leaves the site, before or after logging in", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const login = new LoginPage(page);
  for (const next of ["//evil.example/x", "/\\evil.example/x", "/%2F%2Fevil.example/x", "/\t/evil.example/x", "https://evil.example/x"]) {
    await page.context().clearCookies();
    await login.goto(`?next=${encodeURIComponent(next)}`);
    await login.logIn(USER.user, USER.password);
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin, next).toBe(origin);
    // signed in already: the login page sends straight on, and still not away
    await login.goto(`?next=${encodeURIComponent(next)}`);
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin, next).toBe(origin);
  }
});

test("guessing a password is throttled with a message that says when to try again", async ({ page }) => {
  // an address of its own, so other specs logging in from this machine are not throttled
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.23" });
  const login = new LoginPage(page);
  await login.goto();
  // each attempt is sent and answered before the next (the message repeats, so it cannot tell)
  const attempt = (password: string) =>
    Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"), login.logIn(GUESSER.user, password)]);
  for (let i = 0; i < 5; i++) {
    await attempt(`wrong-${i}`);
    await expect(login.error).toHaveText("Wrong user name or password.");
  }
  await attempt(GUESSER.password);
  // the wait left counts from the first try, taken before its password was checked: how long the five took shows
  await expect(login.error).toHaveText(/^Too many failed logins for user hostile-guessed \(5 in 60 s\): try again in (5\d|60) s\.$/);
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: path.join(SHOTS, "login-throttled.png") });
});

test("TRACE and a server action from another origin are refused with a clear 4xx", async ({ request }) => {
  const trace = await request.fetch("/stacks", { method: "TRACE" });
  expect(trace.status()).toBe(405);
  expect((await trace.json()).error.code).toBe("MethodNotAllowed");
  const forged = await request.post("/login", { headers: { "next-action": "0123456789abcdef", origin: "https://evil.example" }, data: "[]" });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({
    error: { code: "CrossOriginRefused", message: expect.stringMatching(/^A console form posted from https:\/\/evil\.example to 127\.0\.0\.1:\d+ was refused/) },
  });
});
