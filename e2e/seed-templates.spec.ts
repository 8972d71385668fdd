import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { HaPage } from "./pages/ha-page";
import { LaunchPage } from "./pages/launch-page";
import { StackPage } from "./pages/stack-page";

const SHOTS = path.join(import.meta.dirname, "screenshots");
const ROOT = path.join(import.meta.dirname, "..");
const PORT = Number(process.env.HEARTH_E2E_PORT || 3100);
const POLICY = "server_failover_policy";

test.describe.configure({ mode: "serial" });

/** Launches one of the seed's templates as written, from the gallery, and waits for CREATE_COMPLETE. */
async function launchSeed(page: Page, file: string, name: string): Promise<StackPage> {
  const launch = new LaunchPage(page);
  await launch.goto();
  await launch.pickExample(`seed/${file}`);
  await launch.validate();
  await expect(page.getByTestId("validate-state")).toHaveText(/Template is valid/);
  await launch.setStack({ name });
  await launch.launch();
  const stack = new StackPage(page);
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 60_000 });
  return stack;
}

/** The text of one output on the stack page (re-read from the server). */
async function outputText(page: Page, stack: string, key: string): Promise<string> {
  await page.goto(`/stacks/${stack}`);
  const panel = await new StackPage(page).openTab("outputs");
  return (await panel.locator(`[data-testid="output-row"][data-output-key="${key}"] td`).first().textContent()) ?? "";
}

test("the seed's HARestarter as written: launched in the console, the refs output shows the replacement after a signal", async ({ page }) => {
  await launchSeed(page, "ha-restarter.yaml", "seed-restarter");
  const before = await outputText(page, "seed-restarter", "refs");
  expect(before).toMatch(/[0-9a-f-]{36}/);
  execFileSync("node", ["bin/hearth.mjs", "stack", "resource", "signal", "seed-restarter", "server_restart_policy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:./data/e2e-${PORT}.db` },
    stdio: "pipe",
    timeout: 60_000,
  });
  const after = await outputText(page, "seed-restarter", "refs");
  expect(after).toMatch(/[0-9a-f-]{36}/);
  expect(after).not.toBe(before);
  await page.screenshot({ path: path.join(SHOTS, "seed-restarter-outputs.png"), fullPage: true });
});

test("the seed's failover template as written: fails over twice from the HA page; data and outputs follow the active member", async ({ page }) => {
  test.setTimeout(240_000);
  await launchSeed(page, "failover.yaml", "seed-pair");
  const ha = new HaPage(page);
  await ha.goto("seed-pair");
  const checksum = await ha.writeCheck(POLICY);
  const attached = async () => /\(([^)]+)\)/.exec((await ha.volume(POLICY).getByTestId("volume-attached").textContent()) ?? "")?.[1] ?? "";
  let server = await attached();
  expect(await outputText(page, "seed-pair", "active")).toContain(server);
  for (let round = 1; round <= 2; round++) {
    await ha.goto("seed-pair");
    await expect(ha.members(POLICY, "standby").getByTestId("member-health")).toHaveAttribute("data-health", "healthy", { timeout: 60_000 });
    const to = (await ha.members(POLICY, "standby").getAttribute("data-member"))!;
    const runsBefore = await ha.runs(POLICY).count();
    await ha.group(POLICY).getByTestId("failover-now").click();
    await ha.dialog.getByTestId("confirm-ok").click();
    await expect(ha.runs(POLICY)).toHaveCount(runsBefore + 1);
    await expect(ha.runs(POLICY).first()).toHaveAttribute("data-state", "completed", { timeout: 90_000 });
    await expect(ha.members(POLICY, "active")).toHaveAttribute("data-member", to);
    await expect(ha.volume(POLICY)).toHaveAttribute("data-attached-member", to);
    // the data written before the first failover is read back through the new active member
    await expect(ha.volume(POLICY).getByTestId("volume-checksum")).toHaveText(checksum);
    const now = await attached();
    expect(now).not.toBe(server);
    server = now;
    await page.screenshot({ path: path.join(SHOTS, `seed-failover-${round}.png`), fullPage: true });
    expect(await outputText(page, "seed-pair", "active")).toContain(server);
    expect(await outputText(page, "seed-pair", "refs")).toContain(server);
  }
  await page.screenshot({ path: path.join(SHOTS, "seed-failover-outputs.png"), fullPage: true });
});
