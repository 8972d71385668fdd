import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { currentCli } from "../scripts/cli-build.mjs";
import { startRegion, writeFederationFile, type RegionProcess } from "../scripts/federation.mjs";
import { LoginPage } from "./pages/login-page";
import { StackPage } from "./pages/stack-page";
import { E2E_ADMIN } from "./support/admin";
import { lowContrast } from "./support/contrast";

/**
 * Issue 15 in the console: the console under test is RegionOne of a two-region federation (its own
 * `next start` of the build, on a fresh SQLite file, with HEARTH_FEDERATION / HEARTH_REGION), RegionTwo
 * a `hearth engine --listen` process. A RegionOne parent's child in RegionTwo is changed directly there
 * (REST, override_owner=true); the parent's page shows the divergence after a check from the console,
 * and each resolution, confirmed in the browser, is read back through both regions' APIs. A child in
 * RegionOne owned by a RegionTwo parent shows its owner, and a change to it asks for confirmation first.
 */
const root = path.resolve(import.meta.dirname, "..");
const ONE_PORT = Number(process.env.HEARTH_E2E_PORT || 3100) + 80;
const TWO_PORT = ONE_PORT + 1;
const one = `http://127.0.0.1:${ONE_PORT}`;
const two = `http://127.0.0.1:${TWO_PORT}`;

/** The child: a random string of `size` characters (a direct change of size makes it diverge). */
const CHILD = readFileSync(path.join(import.meta.dirname, "fixtures/sized-child.yaml"), "utf8");

/** A parent whose resource `two` is a child in `region`. */
const parentTemplate = (region: string) =>
  JSON.stringify({
    heat_template_version: "2018-08-31",
    resources: { two: { type: "OS::Heat::Stack", properties: { context: { region_name: region }, template: CHILD, parameters: { size: 4 } } } },
    outputs: { word: { value: { get_attr: ["two", "outputs", "word"] } } },
  });

let dir: string;
let regionTwo: RegionProcess | undefined;
let console1: ChildProcess | undefined;
let token: string;

// The console of this spec is its own server: log in there, not with the shared server's cookie.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(path.join(os.tmpdir(), "hearth-e2e-federation-"));
  const { file } = writeFederationFile(dir, "127.0.0.1", [ONE_PORT, TWO_PORT], ["RegionOne", "RegionTwo"]);
  const env = { HEARTH_SIM_SPEED: "0", HEARTH_DEMO: "0", HEARTH_BOOTSTRAP_PASSWORD: E2E_ADMIN.password, NEXT_TELEMETRY_DISABLED: "1" };
  await currentCli(root);
  regionTwo = await startRegion({ region: "RegionTwo", host: "127.0.0.1", port: TWO_PORT, dir, federationFile: file, env });
  const consoleEnv = { ...process.env, ...env, PORT: String(ONE_PORT), DATABASE_URL: `file:${path.join(dir, "RegionOne.db")}`, HEARTH_FEDERATION: file, HEARTH_REGION: "RegionOne" };
  console1 = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(ONE_PORT)], { cwd: root, env: consoleEnv, stdio: "ignore" });
  await expect.poll(async () => (await fetch(`${one}/login`).catch(() => undefined))?.status, { timeout: 90_000 }).toBe(200);
  token = await tokenFrom(one);
});

test.afterAll(async () => {
  for (const child of [console1, regionTwo?.child]) {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(child.pid, "SIGKILL");
      await exited;
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A token of the admin project from `origin`'s Keystone. */
async function tokenFrom(origin: string): Promise<string> {
  const response = await fetch(`${origin}/identity/v3/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ auth: { identity: { methods: ["password"], password: { user: { name: E2E_ADMIN.user, domain: { id: "default" }, password: E2E_ADMIN.password } } }, scope: { project: { name: "admin", domain: { id: "default" } } } } }),
  });
  await response.arrayBuffer();
  expect(response.status).toBe(201);
  return response.headers.get("x-subject-token")!;
}

/** One Heat API call on `origin` for the admin project: the status and JSON body. */
async function heat(origin: string, method: string, at: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${origin}/heat-api/v1/admin/${at}`, { method, headers: { "x-auth-token": token, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The stack `name` on `origin` once it is no longer in progress (bounded: 300 reads, 100 ms apart). */
async function settled(origin: string, name: string): Promise<any> {
  let last: any;
  for (let i = 0; i < 300; i++) {
    const answer = await heat(origin, "GET", `stacks/${name}`);
    last = answer.body?.stack;
    if (answer.status === 200 && !String(last.stack_status).endsWith("_IN_PROGRESS")) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} on ${origin} did not settle: ${JSON.stringify(last)?.slice(0, 300)}`);
}

/** Creates `name` on `parentOrigin` with its child in `childRegion` on `childOrigin`; answers both, read back. */
async function parentWithChild(name: string, parentOrigin: string, childRegion: string, childOrigin: string): Promise<{ parent: any; child: any }> {
  expect((await heat(parentOrigin, "POST", "stacks", { stack_name: name, template: parentTemplate(childRegion) })).status).toBe(201);
  const parent = await settled(parentOrigin, name);
  expect(parent.stack_status, parent.stack_status_reason).toBe("CREATE_COMPLETE");
  const owned = (await heat(childOrigin, "GET", `stacks?tags=hearth.owner.stack=${parent.id}`)).body.stacks as any[];
  expect(owned).toHaveLength(1);
  return { parent, child: await settled(childOrigin, owned[0].stack_name) };
}

/** Logs in to RegionOne's console and opens a stack's page. */
async function openStack(page: Page, id: string): Promise<StackPage> {
  await page.goto(`${one}/login?next=${encodeURIComponent(`/stacks/${id}`)}`);
  await new LoginPage(page).logIn(E2E_ADMIN.user, E2E_ADMIN.password);
  await page.waitForURL((u) => u.pathname === `/stacks/${id}`);
  return new StackPage(page);
}

/**
 * A parent in RegionOne whose child in RegionTwo was changed there directly (size 6), shown diverged on
 * its page: after a check from the console, or (`detect: "scan"`) once the region's background scan
 * found it, streamed in without a reload.
 */
async function divergedInConsole(page: Page, name: string, detect: "check" | "scan" = "check"): Promise<{ parent: any; child: any; stack: StackPage }> {
  const made = await parentWithChild(name, one, "RegionTwo", two);
  const at = `stacks/${made.child.stack_name}/${made.child.id}`;
  expect((await heat(two, "PATCH", `${at}?override_owner=true`, { parameters: { size: 6 } })).status).toBe(202);
  expect((await settled(two, made.child.stack_name)).stack_status).toBe("UPDATE_COMPLETE");
  const stack = await openStack(page, made.parent.id);
  // the region's background scan may have marked it already; a check finds it too
  if (detect === "check") await page.getByTestId("action-check").click();
  const banner = page.locator('[data-testid="divergence"][data-resource-name="two"]');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner.getByTestId("divergence-region")).toHaveText("RegionTwo");
  await expect(banner.getByTestId("divergence-child")).toContainText(made.child.stack_name);
  await expect(banner.getByTestId("divergence-reason")).toContainText(made.child.stack_name);
  await expect(stack.resource("two").getByTestId("resource-diverged")).toBeVisible();
  return { ...made, stack };
}

/** The confirmation open now (the page has several, closed). */
const openDialog = (page: Page) => page.locator('[data-testid="confirm-dialog"][open]');

/** Presses a resolution's button, checks that "Keep it" sends nothing, then confirms it; answers the result panel. */
async function resolveInConsole(page: Page, resolution: "adopt" | "reapply" | "detach") {
  const button = page.locator('[data-testid="divergence"][data-resource-name="two"]').getByTestId(`resolve-${resolution}`);
  const dialog = openDialog(page);
  await button.click();
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("confirm-cancel").click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("resolution-result")).toHaveCount(0);
  // by keyboard this time: the button has focus again, Enter opens, focus starts on "Keep it", Tab to confirm
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(dialog.getByTestId("confirm-ok")).toBeFocused();
  await page.keyboard.press("Enter");
  const result = page.getByTestId("resolution-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByTestId("resolution-event")).toContainText(`Divergence resolved by ${resolution}`);
  await expect(page.getByTestId("divergence")).toHaveCount(0);
  return result;
}

test("reapply: the parent's page shows the divergence, and the resolution puts the child back", async ({ page }) => {
  const { parent, child } = await divergedInConsole(page, "fed-reapply");
  for (const theme of ["dark", "light"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.reload();
    await expect(page.getByTestId("divergence")).toBeVisible();
    await page.screenshot({ path: `test-results/playwright/federation-diverged-${theme}.png` });
    expect(await lowContrast(page), `text under WCAG AA contrast (${theme})`).toEqual([]);
  }
  const result = await resolveInConsole(page, "reapply");
  await expect(result.getByTestId("resolution-status")).toHaveAttribute("data-status", "UPDATE_COMPLETE");
  await page.screenshot({ path: "test-results/playwright/federation-resolved.png" });
  const resource = (await heat(one, "GET", `stacks/${parent.stack_name}/${parent.id}/resources/two`)).body.resource;
  expect(resource.resource_status).toBe("UPDATE_COMPLETE");
  const after = await settled(two, child.stack_name);
  expect([after.id, after.parameters.size]).toEqual([child.id, "4"]);
});

test("adopt (found by the scan): the parent takes the child's definition", async ({ page }) => {
  const { parent, child } = await divergedInConsole(page, "fed-adopt", "scan");
  const result = await resolveInConsole(page, "adopt");
  await expect(result.getByTestId("resolution-status")).toHaveAttribute("data-status", "ADOPT_COMPLETE");
  const template = (await heat(one, "GET", `stacks/${parent.stack_name}/${parent.id}/template`)).body;
  expect(template.resources.two.properties.parameters).toEqual({ size: "6" });
  expect((await settled(two, child.stack_name)).parameters.size).toBe("6");
});

test("detach: the child is released and kept, the resource leaves the parent", async ({ page }) => {
  const { parent, child, stack } = await divergedInConsole(page, "fed-detach");
  const result = await resolveInConsole(page, "detach");
  await expect(result.getByTestId("resolution-status")).toHaveText("removed from this stack");
  await expect(stack.resource("two")).toHaveCount(0);
  expect((await heat(one, "GET", `stacks/${parent.stack_name}/${parent.id}/resources/two`)).status).toBe(404);
  const released = await settled(two, child.stack_name);
  expect(released.id).toBe(child.id);
  expect((released.tags ?? []).filter((t: string) => t.startsWith("hearth.owner."))).toEqual([]);
});

test("an owned child shows its owner, and a change to it asks first, naming the owner", async ({ page }) => {
  const { parent, child } = await parentWithChild("fed-owner", two, "RegionOne", one);
  const stack = await openStack(page, child.id);
  const owner = page.getByTestId("stack-owner");
  await expect(owner.getByTestId("owner-region")).toHaveText("RegionTwo");
  await expect(owner.getByTestId("owner-stack")).toHaveText(parent.id);
  await expect(owner.getByTestId("owner-resource")).toHaveText("two");
  await expect(owner.getByTestId("owner-generation")).toHaveText(/^\d+$/);
  await page.screenshot({ path: "test-results/playwright/federation-owner.png" });
  expect(await lowContrast(page), "owner panel contrast").toEqual([]);

  // the update page asks before it sends anything
  const dialog = openDialog(page);
  await page.goto(`${one}/stacks/${child.id}/update`);
  await page.locator('[data-testid="update-form"][data-ready="true"]').waitFor();
  await page.getByTestId("update-submit").click();
  await expect(dialog.getByTestId("owner-notice")).toContainText(`stack ${parent.id} in region RegionTwo`);
  await expect(dialog.getByTestId("owner-notice")).toContainText("RegionTwo will see it as diverged");
  await page.screenshot({ path: "test-results/playwright/federation-owner-confirm.png" });
  await dialog.getByTestId("confirm-cancel").click();
  await expect(dialog).toHaveCount(0);
  expect((await settled(one, child.stack_name)).stack_status).toBe("CREATE_COMPLETE");
  await page.getByTestId("update-submit").click();
  await dialog.getByTestId("confirm-ok").click();
  await page.waitForURL((u) => u.pathname === `/stacks/${child.id}`);
  await expect(stack.status).toHaveAttribute("data-status", "UPDATE_COMPLETE", { timeout: 30_000 });
  expect((await settled(one, child.stack_name)).stack_status).toBe("UPDATE_COMPLETE");

  // so do suspend (and resume, cancel, delete) on the stack's page
  await page.getByTestId("action-suspend").click();
  await expect(dialog.getByTestId("owner-notice")).toContainText("RegionTwo will see it as diverged");
  await dialog.getByTestId("confirm-cancel").click();
  await expect(dialog).toHaveCount(0);
  expect((await settled(one, child.stack_name)).stack_status).toBe("UPDATE_COMPLETE");
  await page.getByTestId("action-suspend").click();
  await dialog.getByTestId("confirm-ok").click();
  await expect(stack.status).toHaveAttribute("data-status", "SUSPEND_COMPLETE", { timeout: 30_000 });
  expect((await settled(one, child.stack_name)).stack_status).toBe("SUSPEND_COMPLETE");

  // and the stack list's buttons ask the same, naming the owner
  await page.goto(`${one}/`);
  const row = page.locator(`[data-testid="stack-row"][data-stack-name="${child.stack_name}"]`);
  await row.getByTestId("action-resume").click();
  await expect(dialog.getByTestId("owner-notice")).toContainText(`stack ${parent.id} in region RegionTwo`);
  await dialog.getByTestId("confirm-cancel").click();
  await expect(dialog).toHaveCount(0);
  expect((await settled(one, child.stack_name)).stack_status).toBe("SUSPEND_COMPLETE");
  await row.getByTestId("action-resume").click();
  await dialog.getByTestId("confirm-ok").click();
  await expect.poll(async () => (await settled(one, child.stack_name)).stack_status, { timeout: 30_000 }).toBe("RESUME_COMPLETE");
});
