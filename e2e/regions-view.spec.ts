import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { currentCli } from "../scripts/cli-build.mjs";
import { startRegion, writeFederationFile, type RegionProcess } from "../scripts/federation.mjs";
import { lowContrast } from "./support/contrast";
import { LoginPage } from "./pages/login-page";
import { RegionsPage } from "./pages/regions-page";
import { E2E_ADMIN } from "./support/admin";

/**
 * The console's regions view as RegionOne of a federation: RegionTwo and RegionThree run as
 * `hearth engine --listen` processes and the console as its own `next start` of the build (ports
 * HEARTH_E2E_PORT+70..72). A parent made through RegionOne's Heat API owns a child in RegionTwo; the
 * page lists the three regions, the child (linked to its parent, marked once it diverged) and the
 * latency; after kill -9 of RegionThree a reload shows it unreachable with the reason and endpoint.
 */
const root = path.resolve(import.meta.dirname, "..");
const BASE = Number(process.env.HEARTH_E2E_PORT || 3100) + 70;
const PORTS = { RegionOne: BASE, RegionTwo: BASE + 1, RegionThree: BASE + 2 };
const CONSOLE = `http://127.0.0.1:${PORTS.RegionOne}`;
const SHOTS = path.join(root, "test-results", "regions-view");

/** A child in RegionTwo (a parameter, so it can be changed directly there) and a local network. */
const PARENT = JSON.stringify({
  heat_template_version: "2018-08-31",
  resources: {
    two: {
      type: "OS::Heat::Stack",
      properties: {
        context: { region_name: "RegionTwo" },
        template: "heat_template_version: 2018-08-31\nparameters:\n  size: {type: number, default: 4}\nresources:\n  rnd: {type: OS::Heat::RandomString, properties: {length: {get_param: size}}}\n",
      },
    },
    here: { type: "OS::Neutron::Net" },
  },
});

/** A token for admin from RegionOne's Keystone. */
async function token(): Promise<string> {
  const auth = { identity: { methods: ["password"], password: { user: { name: "admin", domain: { id: "default" }, password: E2E_ADMIN.password } } }, scope: { project: { name: "admin", domain: { id: "default" } } } };
  const response = await fetch(`${CONSOLE}/identity/v3/auth/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ auth }) });
  await response.arrayBuffer();
  return response.headers.get("x-subject-token")!;
}

/** One Heat API call on `origin` for the admin project; answers the status and JSON body. */
async function heat(origin: string, auth: string, method: string, tail: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${origin}/heat-api/v1/admin/${tail}`, { method, headers: { "x-auth-token": auth, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The stack's status on `origin`, polled (bounded by expect.poll's timeout) until it is no longer IN_PROGRESS. */
async function settled(origin: string, auth: string, name: string): Promise<any> {
  let stack: any;
  await expect
    .poll(async () => {
      stack = (await heat(origin, auth, "GET", `stacks/${name}`)).body?.stack;
      return stack && !String(stack.stack_status).endsWith("IN_PROGRESS");
    }, { timeout: 60_000, intervals: [200] })
    .toBe(true);
  return stack;
}

test("without a federation, the regions view lists the simulated regions of this process and says it is in none", async ({ page }) => {
  await page.goto("/regions");
  const view = new RegionsPage(page);
  await expect(view.note).toHaveAttribute("data-federated", "false");
  await expect(view.note).toContainText("not part of a federation");
  await expect(view.rows).toHaveCount(3);
  for (const region of ["RegionOne", "RegionTwo", "RegionThree"]) {
    await expect(view.reachability(region)).toHaveAttribute("data-state", "available");
    await expect(view.row(region)).toContainText("/heat-api");
  }
  await expect(page.getByTestId("self-region")).toHaveCount(0);
  await expect(page.getByTestId("latency")).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, "regions-embedded.png"), fullPage: true });
});

test.describe("as RegionOne of a federation", () => {
  // this console logs in by itself: the shared admin state belongs to the suite's own server
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the regions view lists every region, the owned child and the latency, and a killed region as unreachable", async ({ page }) => {
    test.setTimeout(240_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-e2e-regions-"));
    const env = { HEARTH_SIM_SPEED: "0", HEARTH_SIM_SEED: "7", HEARTH_BOOTSTRAP_PASSWORD: E2E_ADMIN.password, HEARTH_DEMO: "0" };
    const regions: RegionProcess[] = [];
    let server: ChildProcess | undefined;
    try {
      await currentCli(root);
      const { file } = writeFederationFile(dir, "127.0.0.1", [PORTS.RegionOne, PORTS.RegionTwo, PORTS.RegionThree]);
      for (const region of ["RegionTwo", "RegionThree"] as const) regions.push(await startRegion({ region, host: "127.0.0.1", port: PORTS[region], dir, federationFile: file, env }));
      const consoleEnv = { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:${path.join(dir, "RegionOne.db")}`, HEARTH_FEDERATION: file, HEARTH_REGION: "RegionOne", PORT: String(PORTS.RegionOne) };
      server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(PORTS.RegionOne)], { cwd: root, env: consoleEnv, stdio: "ignore" });
      await expect.poll(async () => (await fetch(`${CONSOLE}/login`).catch(() => undefined))?.status, { timeout: 90_000 }).toBe(200);

      const auth = await token();
      expect((await heat(CONSOLE, auth, "POST", "stacks", { stack_name: "fed-parent", template: PARENT })).status).toBe(201);
      const parent = await settled(CONSOLE, auth, "fed-parent");
      expect(parent.stack_status, parent.stack_status_reason).toBe("CREATE_COMPLETE");
      const child = ((await heat(`http://127.0.0.1:${PORTS.RegionTwo}`, auth, "GET", "stacks")).body.stacks as any[]).find((s) => (s.tags ?? []).includes(`hearth.owner.stack=${parent.id}`));
      expect(child, "the child in RegionTwo").toBeTruthy();
      // and a parent in RegionTwo owning a child here, in RegionOne
      const two = `http://127.0.0.1:${PORTS.RegionTwo}`;
      expect((await heat(two, auth, "POST", "stacks", { stack_name: "far-parent", template: PARENT.replace("RegionTwo", "RegionOne") })).status).toBe(201);
      const farParent = await settled(two, auth, "far-parent");
      expect(farParent.stack_status, farParent.stack_status_reason).toBe("CREATE_COMPLETE");

      await page.goto(`${CONSOLE}/login`);
      await new LoginPage(page).logIn(E2E_ADMIN.user, E2E_ADMIN.password);
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Regions" }).click();
      await page.waitForURL(/\/regions$/);
      const view = new RegionsPage(page);
      await expect(view.rows).toHaveCount(3);
      await expect(view.note).toHaveAttribute("data-federated", "true");
      await expect(view.row("RegionOne")).toHaveAttribute("data-self", "true");
      await expect(view.row("RegionOne").getByTestId("self-region")).toHaveText("this region");
      for (const region of ["RegionOne", "RegionTwo", "RegionThree"]) {
        await expect(view.reachability(region)).toHaveAttribute("data-state", "reachable");
        await expect(view.row(region).getByTestId("latency")).toHaveText(/^\d+(\.\d)? ms$/);
        await expect(view.row(region)).toContainText(`http://127.0.0.1:${PORTS[region as keyof typeof PORTS]}/heat-api`);
      }
      await expect(view.row("RegionOne").getByTestId("stack-count")).toHaveText("2");
      await expect(view.row("RegionTwo").getByTestId("stack-count")).toHaveText("2");
      await expect(view.row("RegionThree").getByTestId("stack-count")).toHaveText("0");
      const owned = view.children("RegionTwo");
      await expect(owned).toHaveCount(1);
      await expect(owned).toHaveAttribute("data-name", child.stack_name);
      await expect(owned).toHaveAttribute("data-diverged", "false");
      await expect(owned.getByTestId("child-status")).toHaveText("CREATE_COMPLETE");
      // the child here owned from RegionTwo: linked to its own page, its owner read through RegionTwo's API
      const here = view.children("RegionOne");
      await expect(here).toHaveCount(1);
      await expect(here.getByTestId("child-link")).toHaveAttribute("href", /^\/stacks\//);
      await expect(here).toContainText(`${farParent.id} / two in RegionTwo`);
      await expect(here).toContainText("In sync with its owner");
      await page.screenshot({ path: path.join(SHOTS, "regions-federation.png"), fullPage: true });

      // the child changed directly in RegionTwo, then the parent's check finds it diverged
      const changed = await heat(`http://127.0.0.1:${PORTS.RegionTwo}`, auth, "PATCH", `stacks/${child.stack_name}/${child.id}?override_owner=true`, { parameters: { size: 9 } });
      expect(changed.status).toBe(202);
      expect((await settled(`http://127.0.0.1:${PORTS.RegionTwo}`, auth, child.stack_name)).stack_status).toBe("UPDATE_COMPLETE");
      expect((await heat(CONSOLE, auth, "POST", `stacks/fed-parent/${parent.id}/actions`, { check: null })).status).toBe(200);
      await settled(CONSOLE, auth, "fed-parent");

      // kill -9 RegionThree, then reload: it is unreachable, with the reason and its endpoint
      const three = regions.find((r) => r.region === "RegionThree")!;
      const exited = new Promise((resolve) => three.child.once("exit", resolve));
      process.kill(three.child.pid!, "SIGKILL");
      await exited;
      await page.reload();
      await expect(view.reachability("RegionThree")).toHaveAttribute("data-state", "unreachable");
      await expect(view.row("RegionThree").getByTestId("unreachable-reason")).toHaveText("ECONNREFUSED");
      await expect(view.row("RegionThree")).toContainText(`http://127.0.0.1:${PORTS.RegionThree}/heat-api`);
      await expect(view.row("RegionThree").getByTestId("latency")).toHaveText("—");
      await expect(view.reachability("RegionTwo")).toHaveAttribute("data-state", "reachable");
      await expect(owned).toHaveAttribute("data-diverged", "true");
      await expect(owned.getByTestId("child-status")).toHaveText("UPDATE_COMPLETE");
      await page.screenshot({ path: path.join(SHOTS, "regions-unreachable.png"), fullPage: true });
      // readable in both themes (the diverged and unreachable marks included)
      expect(await lowContrast(page), "text under WCAG AA contrast (light)").toEqual([]);
      await page.getByTestId("theme-toggle").click();
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      expect(await lowContrast(page), "text under WCAG AA contrast (dark)").toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, "regions-unreachable-dark.png"), fullPage: true });

      // keyboard: Enter on the focused parent link opens the parent's page
      const parentLink = owned.getByTestId("parent-link");
      await expect(parentLink).toHaveText("fed-parent");
      await parentLink.focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(new RegExp(`/stacks/${parent.id}$`));
    } finally {
      for (const r of regions) if (r.alive()) process.kill(r.child.pid!, "SIGKILL");
      if (server?.pid && server.exitCode === null) process.kill(server.pid, "SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
