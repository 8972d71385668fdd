import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { LaunchPage } from "./pages/launch-page";
import { StackDetailPage } from "./pages/stack-detail-page";

const SHOTS = path.join(import.meta.dirname, "screenshots");

/** Three resources in two regions; app and standby wait for net. Each takes about a second. */
const TWO_REGIONS = `heat_template_version: 2018-08-31
description: Two regions for the topology graph
resources:
  net:
    type: OS::Heat::TestResource
    properties: { wait_secs: 1 }
  app:
    type: OS::Heat::TestResource
    properties: { value: { get_attr: [net, output] }, wait_secs: 1 }
  standby:
    type: OS::Heat::TestResource
    region: RegionTwo
    depends_on: net
    properties: { wait_secs: 1 }
`;

/** A nested stack (in RegionTwo) whose second resource fails: the root cause is two levels down. */
const NESTED_FAILURE = `heat_template_version: 2018-08-31
resources:
  base:
    type: OS::Heat::TestResource
  inner:
    type: OS::Heat::Stack
    depends_on: base
    properties:
      context: { region_name: RegionTwo }
      template: |
        heat_template_version: 2018-08-31
        resources:
          ok: { type: OS::Heat::TestResource }
          bad:
            type: OS::Heat::TestResource
            depends_on: ok
            properties: { fail: true }
`;

/** Six one-second steps, then one of forty seconds: even a slow reload lands mid-create. */
const CHAIN = `heat_template_version: 2018-08-31
resources:
${[1, 2, 3, 4, 5, 6].map((i) => `  step${i}:\n    type: OS::Heat::TestResource\n    properties: { wait_secs: 1${i > 1 ? `, value: { get_attr: [step${i - 1}, output] }` : ""} }\n`).join("")}  last:
    type: OS::Heat::TestResource
    depends_on: step6
    properties: { wait_secs: 40 }
`;

/** Launches a template from the Launch page and returns the stack page it lands on. */
async function launch(page: Page, name: string, template: string): Promise<StackDetailPage> {
  const form = new LaunchPage(page);
  await form.goto();
  await form.typeTemplate(template);
  await form.validate();
  await form.setStack({ name });
  await form.launch();
  await expect(page).toHaveURL(/\/stacks\/[^/]+$/);
  return new StackDetailPage(page);
}

test.describe.configure({ mode: "serial" });

test("the graph groups resources by region and follows their status live to CREATE_COMPLETE", async ({ page }) => {
  const stack = await launch(page, "graph-e2e", TWO_REGIONS);
  await page.evaluate(() => Object.assign(window, { __hearthNoReload: true }));
  await expect(stack.graph).toBeVisible();
  await expect(stack.region("RegionOne")).toBeVisible();
  await expect(stack.region("RegionTwo")).toBeVisible();

  // Progress shows on the nodes as it happens (with icon and text).
  await expect(stack.node("net").getByTestId("graph-node-status")).toHaveText(/CREATE_(IN_PROGRESS|COMPLETE)/);
  await page.screenshot({ path: path.join(SHOTS, "stack-graph-progress.png") });
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 30_000 });
  for (const name of ["net", "app", "standby"]) await expect(stack.node(name)).toHaveAttribute("data-status", "CREATE_COMPLETE");
  expect(await page.evaluate(() => (window as unknown as { __hearthNoReload?: boolean }).__hearthNoReload)).toBe(true);

  // Each node sits inside its region's box.
  const inside = async (node: string, region: string) => {
    const n = (await stack.node(node).boundingBox())!;
    const r = (await stack.region(region).boundingBox())!;
    return n.x >= r.x && n.y >= r.y && n.x + n.width <= r.x + r.width + 1 && n.y + n.height <= r.y + r.height + 1;
  };
  expect(await inside("net", "RegionOne")).toBe(true);
  expect(await inside("app", "RegionOne")).toBe(true);
  expect(await inside("standby", "RegionTwo")).toBe(true);
  expect(await inside("standby", "RegionOne")).toBe(false);
  // Dependencies flow one way: what waits for net is drawn below it.
  const y = async (name: string) => (await stack.node(name).boundingBox())!.y;
  expect(await y("app")).toBeGreaterThan(await y("net"));
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  // Keyboard: a node takes focus, Enter opens its details.
  await stack.nodeWrapper("app").focus();
  await page.keyboard.press("Enter");
  await expect(stack.details).toHaveAttribute("data-resource-name", "app");
  await expect(stack.details).toContainText("Depends on");
  await expect(stack.details).toContainText("net");
  await page.screenshot({ path: path.join(SHOTS, "stack-graph.png") });

  const timeline = await stack.openTimeline();
  await expect(timeline.getByTestId("gantt-region")).toHaveCount(2);
  await expect(timeline.locator('[data-testid="gantt-region"][data-region="RegionTwo"] [data-testid="gantt-row"]')).toHaveAttribute("data-resource-name", "standby");
  await expect(timeline.getByTestId("gantt-bar")).toHaveCount(3);
  await expect(timeline.locator('[data-testid="gantt-row"][data-resource-name="app"] [data-testid="gantt-duration"]')).toHaveText(/^\d+\.\d s$/);
  await page.screenshot({ path: path.join(SHOTS, "stack-timeline.png"), fullPage: true });
});

test("a failing nested stack shows the path to its root cause, and the child links back", async ({ page }) => {
  const stack = await launch(page, "rootcause-e2e", NESTED_FAILURE);
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_FAILED", { timeout: 30_000 });
  const steps = stack.rootCause.getByTestId("root-cause-step");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("rootcause-e2e");
  await expect(steps.nth(1)).toHaveAttribute("data-resource-name", "inner");
  await expect(steps.nth(2)).toHaveAttribute("data-resource-name", "bad");
  await expect(stack.rootCause.getByTestId("root-cause-reason")).toHaveText("Original reason: Error: resources.bad: Test Resource failed bad");
  // The first failing resource is marked in the graph and the table.
  await expect(stack.node("inner")).toHaveAttribute("data-first-failure", "true");
  await expect(stack.node("base")).not.toHaveAttribute("data-first-failure", "true");
  await expect(stack.resource("inner")).toHaveAttribute("data-first-failure", "true");
  await page.screenshot({ path: path.join(SHOTS, "stack-root-cause.png"), fullPage: true });

  // The nested stack's resource leads to the child; its breadcrumb leads back.
  await stack.resource("inner").getByTestId("resource-nested-link").click();
  await expect(stack.breadcrumb).toContainText("rootcause-e2e");
  await expect(stack.breadcrumb).toContainText("(resource inner)");
  await expect(stack.node("bad")).toHaveAttribute("data-first-failure", "true");
  await expect(stack.region("RegionTwo")).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "stack-nested-child.png"), fullPage: true });
  await stack.breadcrumb.getByTestId("breadcrumb-link").click();
  await expect(stack.rootCause).toBeVisible();
  await expect(page.getByTestId("page-title")).toHaveText("rootcause-e2e");
});

test("a reload in the middle of a create resumes the stream without losing or repeating events; a slow step is named", async ({ page }) => {
  test.setTimeout(150_000);
  const stack = await launch(page, "reload-e2e", CHAIN);
  await expect(stack.resourceStatus("step2")).toHaveText("CREATE_COMPLETE", { timeout: 30_000 });
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_IN_PROGRESS");
  await page.reload();
  await expect(stack.stream).toHaveAttribute("data-state", "live");
  await page.evaluate(() => Object.assign(window, { __hearthNoReload: true }));
  // The page after the reload must still be mid-create, so the rest arrives by streaming.
  await expect(stack.node("last")).not.toHaveAttribute("data-status", "CREATE_COMPLETE");
  // Past 30 s in progress, the page says what the stack is waiting for.
  await expect(page.getByTestId("stuck-warning").getByTestId("stuck-resource")).toHaveAttribute("data-resource-name", "last", { timeout: 60_000 });
  await page.screenshot({ path: path.join(SHOTS, "stack-stuck.png") });
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 90_000 });
  await expect(page.getByTestId("stuck-warning")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __hearthNoReload?: boolean }).__hearthNoReload)).toBe(true);

  const streamed = await stack.eventSeqs();
  expect(new Set(streamed).size).toBe(streamed.length);
  // 1 stack start + 7 x (in progress, complete) + 1 stack complete.
  expect(streamed).toHaveLength(16);
  await page.reload();
  expect((await stack.eventSeqs()).toSorted((a, b) => a - b)).toEqual(streamed.toSorted((a, b) => a - b));
});

test("the template shows in a locally bundled Monaco editor with YAML highlighting", async ({ page }) => {
  const outside: string[] = [];
  await page.context().route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  page.on("request", (request) => {
    if (new URL(request.url()).hostname !== "127.0.0.1" && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) outside.push(request.url());
  });
  const stack = await launch(page, "template-e2e", TWO_REGIONS);
  await stack.openTab("template");
  await expect(stack.editorLines).toContainText("heat_template_version: 2018-08-31");
  await expect(stack.editorLines).toContainText("OS::Heat::TestResource");
  // Highlighting: keys and values get different token classes.
  const tokenClasses = await stack.editorLines.locator("span[class^='mtk']").evaluateAll((spans) => new Set(spans.map((s) => s.className)).size);
  expect(tokenClasses).toBeGreaterThan(2);
  await expect(page.getByTestId("template-editor").getByRole("textbox", { name: "Template of stack template-e2e (read-only)" })).toHaveCount(1);
  await page.screenshot({ path: path.join(SHOTS, "stack-template.png") });
  expect(outside).toEqual([]);
});

test("the stack page's own actions suspend and resume the stack, live", async ({ page }) => {
  const stack = await launch(page, "actions-e2e", "heat_template_version: 2018-08-31\nresources:\n  one: { type: OS::Heat::TestResource }\n");
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 30_000 });
  const actions = page.getByTestId("stack-actions");
  await expect(actions.getByTestId("action-resume")).toHaveAttribute("aria-disabled", "true");
  await actions.getByTestId("action-suspend").click();
  await expect(stack.status).toHaveAttribute("data-status", "SUSPEND_COMPLETE", { timeout: 30_000 });
  await actions.getByTestId("action-resume").click();
  await expect(stack.status).toHaveAttribute("data-status", "RESUME_COMPLETE", { timeout: 30_000 });
});
