import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { LaunchPage } from "./pages/launch-page";
import { LoginPage, SessionHeader } from "./pages/login-page";
import { StacksPage } from "./pages/stacks-page";
import { StackPage } from "./pages/stack-page";
import { E2E_ADMIN } from "./support/admin";
import { lowContrast } from "./support/contrast";

/**
 * The console's login, project switcher and isolation. Every test starts without a session (a
 * fresh context); the stacks and the reader user are made through the Heat and identity APIs.
 */
test.use({ storageState: { cookies: [], origins: [] } });

const SHOTS = path.join(import.meta.dirname, "screenshots");
const STACK = "login-admin-stack";
const READER = { user: "login-reader", password: "reader-secret" };
const TEMPLATE = "heat_template_version: 2018-08-31\nresources:\n  nothing:\n    type: OS::Heat::None\n";

/** An admin token for the REST APIs (scoped to the admin project). */
async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post("/identity/v3/auth/tokens", {
    data: { auth: { identity: { methods: ["password"], password: { user: { name: E2E_ADMIN.user, domain: { id: "default" }, password: E2E_ADMIN.password } } }, scope: { project: { name: "admin", domain: { id: "default" } } } } },
  });
  expect(response.status()).toBe(201);
  return response.headers()["x-subject-token"];
}

/** Makes (once) the admin project's stack and a user with the reader role on the admin project; returns the stack's id. */
async function prepare(request: APIRequestContext): Promise<string> {
  const headers = { "x-auth-token": await adminToken(request) };
  const listed = await request.get(`/heat-api/v1/admin/stacks?name=${STACK}`, { headers });
  const existing = (await listed.json()).stacks[0] as { id: string } | undefined;
  if (existing) return existing.id;
  const created = await request.post("/heat-api/v1/admin/stacks", { headers, data: { stack_name: STACK, template: TEMPLATE } });
  expect(created.status()).toBe(201);
  const user = await request.post("/identity/v3/users", { headers, data: { user: { name: READER.user, password: READER.password } } });
  expect(user.status()).toBe(201);
  const userId = (await user.json()).user.id as string;
  expect((await request.put(`/identity/v3/projects/admin/users/${userId}/roles/reader`, { headers })).status()).toBe(204);
  return (await created.json()).stack.id as string;
}

/** Logs in through the login page and waits for the stacks list. */
async function logIn(page: Page, user: string, password: string, project = ""): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(user, password, project);
  await page.waitForURL((url) => url.pathname === "/");
}

let stackId: string;
test.beforeAll(async ({ request }) => {
  stackId = await prepare(request);
});

test("a wrong password is refused; a page asked for without a session comes back after login", async ({ page }) => {
  await page.goto("/launch");
  await expect(page).toHaveURL(/\/login\?next=%2Flaunch$/);
  const login = new LoginPage(page);
  await login.logIn(E2E_ADMIN.user, "not-the-password");
  await expect(login.error).toHaveText("Wrong user name or password.");
  await expect(page.getByTestId("login-user")).toHaveValue(E2E_ADMIN.user);
  await page.screenshot({ path: path.join(SHOTS, "login-error.png") });
  expect(await lowContrast(page), "login page contrast").toEqual([]);

  await login.logIn(E2E_ADMIN.user, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/launch$/);
  const header = new SessionHeader(page);
  await expect(header.user).toHaveText(E2E_ADMIN.user);
  await expect(header.role).toHaveText("admin");
  await expect(header.switcher.locator("option:checked")).toHaveText("admin");
  // The cookie holds a token, httpOnly and SameSite=Lax, never the password.
  const [cookie] = await page.context().cookies();
  expect(cookie).toMatchObject({ name: "hearth_session", httpOnly: true, sameSite: "Lax" });
  expect(cookie.value).not.toContain(E2E_ADMIN.password);
  // Signed in, the login page has nothing to offer: it goes on to where it was asked to.
  await page.goto("/login?next=%2Fdesigner");
  await expect(page).toHaveURL(/\/designer$/);
});

test("the console's routes answer 401 without a session; the Heat API keeps its own auth", async ({ request }) => {
  expect((await request.get("/api/events")).status()).toBe(401);
  expect((await request.get(`/api/stacks/${stackId}/events`)).status()).toBe(401);
  expect((await request.get("/heat-api/v1/admin/stacks")).status()).toBe(401);
});

test("switching to the demo project shows none of the admin project's stacks, and their URLs are not found", async ({ page }) => {
  await logIn(page, E2E_ADMIN.user, E2E_ADMIN.password);
  const stacks = new StacksPage(page);
  await expect(stacks.row(STACK)).toBeVisible();
  const header = new SessionHeader(page);
  await header.switchTo("demo");
  await expect(header.switcher.locator("option:checked")).toHaveText("demo");
  await expect(page.getByTestId("stack-count")).toHaveText("0 stacks");
  await expect(stacks.row(STACK)).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, "login-header-demo.png") });

  await page.goto(`/stacks/${stackId}`);
  await expect(page.getByTestId("not-found")).toBeVisible();
  expect((await page.request.get(`/api/stacks/${stackId}/events`)).status()).toBe(404);

  await page.goto("/");
  await header.switchTo("admin");
  await expect(stacks.row(STACK)).toBeVisible();
  await page.goto(`/stacks/${stackId}`);
  await expect(new StackPage(page).status).toBeVisible();
});

test("logging out revokes the token; a revoked session goes back to login and says why", async ({ page, request }) => {
  await logIn(page, E2E_ADMIN.user, E2E_ADMIN.password);
  const headers = { "x-auth-token": await adminToken(request) };
  const first = (await page.context().cookies())[0].value;
  await new SessionHeader(page).logOut();
  const login = new LoginPage(page);
  await expect(login.message).toHaveText("You have logged out.");
  expect((await request.get("/identity/v3/auth/tokens", { headers: { ...headers, "x-subject-token": first } })).status()).toBe(404);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);

  await logIn(page, E2E_ADMIN.user, E2E_ADMIN.password);
  const second = (await page.context().cookies())[0].value;
  expect((await request.delete("/identity/v3/auth/tokens", { headers: { ...headers, "x-subject-token": second } })).status()).toBe(204);
  await page.goto(`/stacks/${stackId}`);
  await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fstacks%2F${stackId}&reason=expired$`));
  await expect(login.message).toContainText("Your session has ended");
  await login.logIn(E2E_ADMIN.user, E2E_ADMIN.password);
  await expect(new StackPage(page).status).toBeVisible();
});

test("a reader sees the pages, but every button that changes something is disabled with the reason", async ({ page }) => {
  await logIn(page, READER.user, READER.password);
  const header = new SessionHeader(page);
  await expect(header.role).toHaveText("reader (read-only)");
  const notice = page.getByTestId("read-only-notice");
  await expect(notice).toContainText("Your role in project admin is reader");
  const stacks = new StacksPage(page);
  for (const action of ["check", "suspend", "delete"] as const) {
    await expect(stacks.action(STACK, action)).toHaveAttribute("aria-disabled", "true");
    await expect(stacks.action(STACK, action)).toHaveAttribute("title", /reader: you may look but not change anything/);
  }
  await expect(stacks.action(STACK, "update")).toHaveAttribute("aria-disabled", "true");
  await stacks.action(STACK, "delete").click({ force: true }); // aria-disabled stays focusable: a click must do nothing
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, "login-reader-stacks.png") });

  await page.goto(`/stacks/${stackId}`);
  await expect(new StackPage(page).status).toBeVisible();
  await expect(page.getByTestId("stack-actions").getByTestId("action-suspend")).toHaveAttribute("aria-disabled", "true");

  // Launch validates (reading changes nothing), but the Launch button is off and says why.
  const launch = new LaunchPage(page);
  await launch.goto();
  await launch.typeTemplate(TEMPLATE);
  await launch.validate();
  await launch.setStack({ name: "reader-try" });
  await expect(page.getByTestId("launch")).toBeDisabled();
  await expect(page.getByTestId("launch")).toHaveAttribute("title", /reader: you may look but not change anything/);

  // The designer lets a reader draw and preview, but not save or launch.
  await page.goto("/designer");
  for (const button of ["designer-save", "designer-launch"]) {
    await expect(page.getByTestId(button)).toBeDisabled();
    await expect(page.getByTestId(button)).toHaveAttribute("title", /reader: you may look but not change anything/);
  }
  await expect(page.getByTestId("designer-preview")).toBeEnabled();
});

test("the login page and the header read well in light and dark mode at 1280x800", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.form).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "login-light.png") });
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: path.join(SHOTS, "login-dark.png") });
  expect(await lowContrast(page), "login page contrast (dark)").toEqual([]);

  await login.logIn(E2E_ADMIN.user, E2E_ADMIN.password);
  await page.waitForURL((url) => url.pathname === "/");
  await expect(new SessionHeader(page).user).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "login-header-dark.png") });
  expect(await lowContrast(page), "header contrast (dark)").toEqual([]);
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.screenshot({ path: path.join(SHOTS, "login-header-light.png") });
  expect(await lowContrast(page), "header contrast (light)").toEqual([]);
});
