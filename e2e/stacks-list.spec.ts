import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { LaunchPage } from "./pages/launch-page";
import { StackPage } from "./pages/stack-page";
import { StacksPage } from "./pages/stacks-page";
import { UpdatePage } from "./pages/update-page";
import { lowContrast } from "./support/contrast";

const SHOTS = path.join(import.meta.dirname, "screenshots");

/** A one-resource stack with a parameter that updates in place. */
const GREETER = `heat_template_version: 2018-08-31
parameters:
  greeting:
    type: string
    default: hello
resources:
  note:
    type: OS::Heat::TestResource
    properties:
      value: { get_param: greeting }
`;

test.describe.configure({ mode: "serial" });

/** Launches GREETER as `name` in `region` through the launch page and waits until it is created. */
async function launchGreeter(page: Page, name: string, region: string): Promise<void> {
  const launch = new LaunchPage(page);
  await launch.goto();
  await launch.typeTemplate(GREETER);
  await launch.validate();
  await launch.setStack({ name, region });
  await launch.launch();
  await expect(new StackPage(page).status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 30_000 });
}

test("set up: two stacks in different regions", async ({ page }) => {
  await launchGreeter(page, "alpha-list", "RegionOne");
  await launchGreeter(page, "beta-list", "RegionTwo");
});

test("search and filters narrow the list and survive a reload", async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto();
  await expect(stacks.row("alpha-list")).toBeVisible();
  await expect(stacks.row("alpha-list").locator("time").first()).toHaveAttribute("title", /UTC$/);

  await stacks.search.fill("ALPHA");
  await expect(page).toHaveURL(/\?q=ALPHA$/);
  await expect(stacks.rows).toHaveCount(1);
  await expect(stacks.row("alpha-list")).toBeVisible();
  await page.reload();
  await expect(stacks.search).toHaveValue("ALPHA");
  await expect(stacks.rows).toHaveCount(1);

  await page.getByTestId("filter-clear").click();
  await stacks.filter("region").selectOption("RegionTwo");
  await expect(page).toHaveURL(/\?region=RegionTwo$/);
  await expect(stacks.row("beta-list")).toBeVisible();
  await expect(stacks.row("alpha-list")).toHaveCount(0);

  await stacks.filter("status").selectOption("FAILED");
  await expect(page.getByTestId("stacks-no-match")).toBeVisible();
  await stacks.goto("?status=COMPLETE&q=list");
  await expect(stacks.filter("status")).toHaveValue("COMPLETE");
  await expect(stacks.rows).toHaveCount(2);
});

test("suspend then resume from the row; invalid actions say why they are off", async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto("?q=alpha-list");
  await expect(stacks.action("alpha-list", "resume")).toHaveAttribute("aria-disabled", "true");
  await expect(stacks.action("alpha-list", "resume")).toHaveAttribute("title", /Only a suspended stack can be resumed/);
  await expect(stacks.action("alpha-list", "cancel")).toHaveAttribute("title", /Nothing to cancel/);

  // Pushed over SSE, not polled: with the stream live the list only re-reads itself on an event.
  await expect(stacks.announcer).toHaveAttribute("data-stream", "live");
  await stacks.action("alpha-list", "suspend").click();
  await expect(stacks.status("alpha-list")).toHaveAttribute("data-status", "SUSPEND_COMPLETE", { timeout: 20_000 });
  await expect(stacks.announcer).toContainText("alpha-list: suspend");
  await expect(stacks.action("alpha-list", "suspend")).toHaveAttribute("title", "The stack is already suspended");

  await stacks.action("alpha-list", "resume").click();
  await expect(stacks.status("alpha-list")).toHaveAttribute("data-status", "RESUME_COMPLETE", { timeout: 20_000 });
  await stacks.action("alpha-list", "check").click();
  await expect(stacks.status("alpha-list")).toHaveAttribute("data-status", "CHECK_COMPLETE", { timeout: 20_000 });
});

test("update with a changed parameter previews the change and reaches UPDATE_COMPLETE", async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto("?q=alpha-list");
  await stacks.action("alpha-list", "update").click();
  await expect(page).toHaveURL(/\/stacks\/[^/]+\/update$/);
  const update = new UpdatePage(page);
  await update.ready();
  await expect(update.template).toHaveValue(/OS::Heat::TestResource/);
  await expect(update.parameter("greeting")).toHaveValue("hello");

  await update.parameter("greeting").fill("hi");
  await update.preview();
  await expect(update.change("note")).toHaveAttribute("data-kind", "update");
  await expect(update.change("note")).toContainText("Update in place");
  await expect(update.change("note")).toContainText("value");
  await page.screenshot({ path: path.join(SHOTS, "update-preview.png"), fullPage: true });
  await update.submit();

  await expect(page).toHaveURL(/\/stacks\/[^/]+$/);
  const stack = new StackPage(page);
  await expect(stack.status).toHaveAttribute("data-status", "UPDATE_COMPLETE", { timeout: 30_000 });
  const parameters = await stack.openTab("parameters");
  await expect(parameters.locator('[data-parameter-name="greeting"]')).toContainText("hi");
});

test("delete asks first (Esc keeps the stack), then the stack disappears", async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto("?q=beta-list");
  const remove = stacks.action("beta-list", "delete");
  await remove.click();
  await expect(stacks.dialog).toBeVisible();
  await expect(stacks.dialog).toHaveAttribute("aria-modal", "true");
  await expect(stacks.dialog.getByTestId("confirm-stack-name")).toHaveText("beta-list");
  await expect(stacks.dialog.getByTestId("confirm-cancel")).toBeFocused();
  await page.screenshot({ path: path.join(SHOTS, "stacks-delete-dialog.png") });
  await page.keyboard.press("Escape");
  await expect(stacks.dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(stacks.row("beta-list")).toBeVisible();

  await remove.click();
  await stacks.dialog.getByTestId("confirm-ok").click();
  await expect(stacks.row("beta-list")).toHaveCount(0, { timeout: 30_000 });
  await expect(stacks.announcer).toContainText("beta-list");
});

test("keyboard: the skip link leads to the page, row actions and the dialog work without a mouse", async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto("?q=alpha-list");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // A disabled action stays reachable and explains itself; Enter on Delete opens the dialog.
  await stacks.action("alpha-list", "resume").focus();
  await expect(stacks.action("alpha-list", "resume")).toHaveAccessibleDescription(/Only a suspended stack can be resumed/);
  await page.keyboard.press("Enter");
  await expect(stacks.dialog).toBeHidden();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(stacks.action("alpha-list", "delete")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(stacks.dialog).toBeVisible();
  await expect(stacks.dialog).toHaveAccessibleName("Delete stack alpha-list?");
  await page.keyboard.press("Tab");
  await expect(stacks.dialog.getByTestId("confirm-ok")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(stacks.dialog).toBeHidden();
  await expect(stacks.row("alpha-list")).toBeVisible();
});

test("dark mode: the header toggle persists across a reload; every page readable in both themes", async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto();
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const pages: [string, string][] = [
    ["stacks-list", "/"],
    ["launch", "/launch"],
  ];
  await stacks.row("alpha-list").getByRole("link", { name: "alpha-list" }).click();
  await expect(new StackPage(page).status).toBeVisible();
  const detail = new URL(page.url()).pathname;
  pages.push(["stack-detail", detail], ["update", `${detail}/update`]);

  for (const theme of ["light", "dark"]) {
    for (const [name, url] of pages) {
      await page.goto(url);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      if (name === "launch") {
        await page.locator('[data-testid="launch-form"][data-ready="true"]').waitFor();
        await new LaunchPage(page).pickExample("simple-server.yaml");
      }
      await page.screenshot({ path: path.join(SHOTS, `theme-${name}-${theme}.png`), fullPage: true });
      expect(await lowContrast(page), `text under WCAG AA contrast on ${name} (${theme})`).toEqual([]);
    }
    if (theme === "light") {
      await page.getByTestId("theme-toggle").click();
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    }
  }
  // The choice survives a reload, and is applied before the first paint (the class is in the served page's script).
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByTestId("theme-toggle")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("theme-toggle").click();
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});
