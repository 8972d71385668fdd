import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { HaPage } from "./pages/ha-page";
import { lowContrast } from "./support/contrast";
import { StackPage } from "./pages/stack-page";

const SHOTS = path.join(import.meta.dirname, "screenshots");
const ROOT = path.join(import.meta.dirname, "..");
const POLICY = "server_failover_policy";
const PORT = Number(process.env.HEARTH_E2E_PORT || 3100);

test.describe.configure({ mode: "serial" });

// The seed's active/passive pair, created by the CLI in the web server's own database (as an operator would).
test.beforeAll(() => {
  execFileSync("node", ["bin/hearth.mjs", "stack", "create", "pair", "-t", "examples/ha/active-passive.yaml", "--wait"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:./data/e2e-${PORT}.db`, HEARTH_SIM_SPEED: "0.05" },
    stdio: "pipe",
    timeout: 120_000,
  });
});

test("the stack page links to the HA page, which shows the active and the standby member and the volume on the active one", async ({ page }) => {
  await page.goto("/stacks/pair");
  await expect(new StackPage(page).status).toHaveAttribute("data-status", "CREATE_COMPLETE");
  await page.getByTestId("ha-link").click();
  const ha = new HaPage(page);
  await expect(ha.group(POLICY)).toBeVisible();
  await expect(ha.members(POLICY, "active")).toHaveCount(1);
  await expect(ha.members(POLICY, "standby")).toHaveCount(1);
  await expect(ha.group(POLICY).getByTestId("member-health")).toHaveText([/healthy/, /healthy/]);
  const active = await ha.activeMember(POLICY);
  await expect(ha.volume(POLICY)).toHaveAttribute("data-attached-member", active);
  await expect(ha.group(POLICY).getByTestId("no-failovers")).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.reload();
    await expect(ha.group(POLICY)).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `ha-${theme}.png`), fullPage: true });
    expect(await lowContrast(page), `text under WCAG AA contrast (${theme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
});

test("Drill crashes the active server; the monitor notices and fails over by itself; the data follows", async ({ page }) => {
  test.setTimeout(120_000);
  const ha = new HaPage(page);
  await ha.goto("pair");
  const checksum = await ha.writeCheck(POLICY);
  const before = await ha.activeMember(POLICY);
  const standby = await ha.members(POLICY, "standby").getAttribute("data-member");
  await ha.group(POLICY).getByTestId("drill").click();
  await expect(ha.dialog).toBeVisible();
  await expect(ha.dialog).toContainText(before);
  await ha.dialog.getByTestId("confirm-ok").click();
  const status = ha.group(POLICY).getByTestId("drill-status");
  await expect(status).toHaveAttribute("data-state", "waiting");
  await expect(ha.members(POLICY, "active").getByTestId("member-health")).toHaveAttribute("data-health", "unhealthy");
  await page.screenshot({ path: path.join(SHOTS, "ha-drill-waiting.png"), fullPage: true });
  // Health check every 5 s, 2 failures in a row: detection within ~11 s, then the failover's steps.
  await expect(status).toHaveAttribute("data-state", "completed", { timeout: 60_000 });
  await expect(status).toContainText(/detected after \d+\.\d s/);
  await expect(ha.runs(POLICY).first()).toContainText(/health check: member .* failed 2 checks in a row/);
  await expect(ha.members(POLICY, "active")).toHaveAttribute("data-member", standby!);
  await expect(ha.volume(POLICY)).toHaveAttribute("data-attached-member", standby!);
  await expect(ha.volume(POLICY).getByTestId("volume-checksum")).toHaveText(checksum);
  await page.screenshot({ path: path.join(SHOTS, "ha-after-drill.png"), fullPage: true });
});

test("Fail over now shows the plan, asks, then streams the steps; the other member is active and the volume moved", async ({ page }) => {
  test.setTimeout(90_000);
  const ha = new HaPage(page);
  await ha.goto("pair");
  const checksum = await ha.writeCheck(POLICY);
  await expect(ha.members(POLICY, "standby").getByTestId("member-health")).toHaveAttribute("data-health", "healthy", { timeout: 30_000 });
  const from = await ha.activeMember(POLICY);
  const to = (await ha.members(POLICY, "standby").getAttribute("data-member"))!;
  const runsBefore = await ha.runs(POLICY).count();
  const button = ha.group(POLICY).getByTestId("failover-now");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(ha.dialog.getByTestId("failover-plan")).toHaveText(`From ${from} (active) to ${to}:`);
  await expect(ha.dialog.getByRole("listitem")).toHaveCount(6);
  await expect(ha.dialog.getByTestId("confirm-cancel")).toBeFocused();
  await page.screenshot({ path: path.join(SHOTS, "ha-confirm.png") });
  await ha.recordSteps(POLICY);
  await ha.dialog.getByTestId("confirm-ok").click();
  await expect(ha.runs(POLICY)).toHaveCount(runsBefore + 1);
  const run = ha.runs(POLICY).first();
  await expect(run).toHaveAttribute("data-state", "completed", { timeout: 60_000 });
  await expect(run.locator('[data-testid="failover-step"][data-done="true"]')).toHaveCount(6);
  await expect(run.getByTestId("failover-duration")).toHaveText(/^\d+ ms$/);
  // The steps arrived one by one on the stream (the page saw counts between none and all six).
  expect((await ha.stepCounts()).filter((n) => n > 0 && n < 6).length).toBeGreaterThan(0);
  await expect(run).toContainText("requested from the console");
  await expect(ha.members(POLICY, "active")).toHaveAttribute("data-member", to);
  await expect(ha.volume(POLICY)).toHaveAttribute("data-attached-member", to);
  await expect(ha.volume(POLICY).getByTestId("volume-checksum")).toHaveText(checksum);
  await expect(ha.group(POLICY).locator(`[data-member="${from}"]`)).toHaveCount(0);
});
