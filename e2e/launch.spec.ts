import path from "node:path";
import { expect, test } from "@playwright/test";
import { LaunchPage } from "./pages/launch-page";
import { StackPage } from "./pages/stack-page";
import { StacksPage } from "./pages/stacks-page";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const SHOTS = path.join(import.meta.dirname, "screenshots");

/** A template whose second resource references one that does not exist (line 6). */
const BROKEN = `heat_template_version: 2018-08-31
resources:
  a:
    type: OS::Heat::None
    properties:
      value: { get_resource: nowhere }
`;

test.describe.configure({ mode: "serial" });

test("an empty console points to Launch", async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto();
  await expect(stacks.empty).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "stacks-empty.png") });
  await stacks.empty.getByRole("link", { name: "Launch a stack" }).click();
  await expect(page).toHaveURL(/\/launch$/);
});

test("a template with an error shows its line:column and path", async ({ page }) => {
  const launch = new LaunchPage(page);
  await launch.goto();
  await launch.typeTemplate(BROKEN);
  await launch.validate();
  const diagnostic = launch.diagnostics.filter({ hasText: "nowhere" });
  await expect(diagnostic).toHaveCount(1);
  await expect(diagnostic.getByTestId("diagnostic-position")).toHaveText(/^6:\d+$/);
  await expect(diagnostic).toContainText("resources.a.properties.value");
  await page.screenshot({ path: path.join(SHOTS, "launch-error.png"), fullPage: true });

  // Clicking the diagnostic puts the caret on its line in the template.
  await diagnostic.click();
  const caretLine = await page.getByTestId("template-text").evaluate((el) => {
    const area = el as HTMLTextAreaElement;
    return area.value.slice(0, area.selectionStart).split("\n").length;
  });
  expect(caretLine).toBe(6);
  await expect(page.getByTestId("template-text")).toBeFocused();
});

test("launch a stack with parameters and watch it complete live", async ({ page }) => {
  const launch = new LaunchPage(page);
  await launch.goto();
  await launch.uploadTemplate(path.join(FIXTURES, "web-server.yaml"));
  await launch.validate();
  await expect(page.getByTestId("validate-state")).toHaveText(/Template is valid/);

  // The form follows parameter_groups, uses the right inputs and starts from defaults.
  const fields = page.getByTestId("parameter-form").locator("input, select, textarea");
  expect(await fields.evaluateAll((els) => els.map((el) => el.getAttribute("name")))).toEqual(["flavor", "image", "volume_size", "admin_pass"]);
  await expect(page.getByLabel("Flavor")).toBeVisible();
  await expect(launch.parameter("flavor")).toHaveJSProperty("tagName", "SELECT");
  await expect(launch.parameter("admin_pass")).toHaveAttribute("type", "password");
  await expect(launch.parameter("volume_size")).toHaveValue("1");

  // A constraint error comes back with the engine's own message, next to the field.
  await launch.parameter("flavor").selectOption("m1.tiny");
  await launch.parameter("volume_size").fill("99");
  await launch.validate();
  await expect(launch.parameterError("volume_size")).toContainText("Between 1 and 10 GB");

  await launch.parameter("volume_size").fill("2");
  await launch.setStack({ name: "web-e2e", region: "RegionTwo", timeout: 10 });
  await page.screenshot({ path: path.join(SHOTS, "launch-form.png"), fullPage: true });
  await launch.launch();

  await expect(page).toHaveURL(/\/stacks\/[^/]+$/);
  const stack = new StackPage(page);
  // Mark the document: a reload would lose the mark, so seeing it at the end proves the status streamed in.
  await page.evaluate(() => Object.assign(window, { __hearthNoReload: true }));
  await expect(stack.stream).toHaveAttribute("data-state", "live");
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 30_000 });
  await expect(stack.resourceStatus("server")).toHaveText("CREATE_COMPLETE");
  await expect(stack.resourceStatus("attach")).toHaveText("CREATE_COMPLETE");
  await expect(stack.resource("server")).toContainText("RegionTwo");
  expect(await page.evaluate(() => (window as unknown as { __hearthNoReload?: boolean }).__hearthNoReload)).toBe(true);
  await page.screenshot({ path: path.join(SHOTS, "stack-detail.png"), fullPage: true });

  const events = await stack.openTab("events");
  await expect(events.getByTestId("event-row").first()).toContainText("CREATE_COMPLETE");
  await page.screenshot({ path: path.join(SHOTS, "stack-events.png"), fullPage: true });

  const outputs = await stack.openTab("outputs");
  await expect(outputs.locator('[data-output-key="server_name"]')).toContainText("web-");
  const parameters = await stack.openTab("parameters");
  await expect(parameters.locator('[data-parameter-name="admin_pass"]')).toContainText("******");
  await expect(parameters.locator('[data-parameter-name="volume_size"]')).toContainText("2");

  const stacks = new StacksPage(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stacks" }).click();
  await expect(stacks.status("web-e2e")).toHaveText("CREATE_COMPLETE");
  await expect(stacks.row("web-e2e")).toContainText("RegionTwo");
  await page.screenshot({ path: path.join(SHOTS, "stacks-list.png"), fullPage: true });
});

/** A stack whose only resource fails on create. */
const FAILING = `heat_template_version: 2018-08-31
resources:
  doomed:
    type: OS::Heat::TestResource
    properties:
      fail: true
`;

test("a failed resource shows its reason", async ({ page }) => {
  const launch = new LaunchPage(page);
  await launch.goto();
  await launch.typeTemplate(FAILING);
  await launch.validate();
  await launch.setStack({ name: "doomed-e2e" });
  await launch.launch();

  const stack = new StackPage(page);
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_FAILED", { timeout: 30_000 });
  await expect(stack.resourceStatus("doomed")).toHaveText("CREATE_FAILED");
  await expect(stack.resource("doomed").getByTestId("resource-reason")).toContainText("Test Resource failed doomed");
  await expect(stack.reason).toContainText("doomed");
  await page.screenshot({ path: path.join(SHOTS, "stack-failed.png"), fullPage: true });
});

test("launch from the examples gallery: preview shows what is created in each region", async ({ page }) => {
  const launch = new LaunchPage(page);
  await launch.goto();
  await launch.pickExample("multi-region-demo.yaml");
  await expect(page.getByTestId("template-text")).toHaveValue(/Multi-region demo/);
  await expect(page.locator('[data-testid="example"][data-file="multi-region-demo.yaml"]')).toHaveAttribute("aria-pressed", "true");
  await launch.validate();
  await expect(page.getByTestId("validate-state")).toHaveText(/Template is valid/);
  await launch.parameter("volume_size").fill("3");
  await launch.setStack({ name: "demo-e2e" });

  const preview = await launch.preview();
  await expect(preview.getByRole("heading")).toHaveText("Will create 8 resources in 2 regions");
  const one = launch.previewRegion("RegionOne").getByTestId("preview-resource");
  const two = launch.previewRegion("RegionTwo").getByTestId("preview-resource");
  expect(await one.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-resource-name")).sort())).toEqual(["app_net", "app_server", "app_subnet", "data_attachment", "data_volume"]);
  expect(await two.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-resource-name")).sort())).toEqual(["standby_net", "standby_server", "standby_subnet"]);
  await expect(launch.previewRegion("RegionOne").locator('[data-resource-name="app_server"]')).toContainText("OS::Nova::Server");
  await page.screenshot({ path: path.join(SHOTS, "launch-preview.png"), fullPage: true });

  // Changing a parameter drops the preview (it no longer describes the launch).
  await launch.parameter("volume_size").fill("4");
  await expect(preview).toHaveCount(0);
  await launch.launch();
  const stack = new StackPage(page);
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 30_000 });
  const parameters = await stack.openTab("parameters");
  await expect(parameters.locator('[data-parameter-name="volume_size"]')).toContainText("4");
});

/** A pasted template whose parameter has no default: an environment file provides it. */
const PASTED = `heat_template_version: 2018-08-31
parameters:
  greeting:
    type: string
    constraints:
      - allowed_pattern: "[a-z]+"
        description: Lower-case letters only.
resources:
  note:
    type: OS::Heat::TestResource
    region: RegionThree
    properties:
      value: { get_param: greeting }
outputs:
  said:
    value: { get_attr: [note, output] }
`;

test("launch pasted text with an environment file giving a parameter", async ({ page }) => {
  const launch = new LaunchPage(page);
  await launch.goto();
  await launch.typeTemplate(PASTED);
  await launch.addEnvironment("greeting.yaml", "parameter_defaults:\n  greeting: bonjour\n");
  await launch.validate();
  await expect(page.getByTestId("validate-state")).toHaveText(/Template is valid/);

  // The engine's own constraint message, next to the field.
  await launch.parameter("greeting").fill("Hi!");
  await launch.validate();
  await expect(launch.parameterError("greeting")).toContainText("Lower-case letters only.");
  await launch.parameter("greeting").fill("");
  await launch.setStack({ name: "pasted-e2e" });
  await expect(launch.previewRegion("RegionThree")).toHaveCount(0);
  await launch.preview();
  await expect(launch.previewRegion("RegionThree").getByTestId("preview-resource")).toHaveAttribute("data-resource-name", "note");
  await launch.launch();

  const stack = new StackPage(page);
  await expect(stack.status).toHaveAttribute("data-status", "CREATE_COMPLETE", { timeout: 30_000 });
  await expect(stack.resource("note")).toContainText("RegionThree");
  const outputs = await stack.openTab("outputs");
  await expect(outputs.locator('[data-output-key="said"]')).toContainText("bonjour");
});

test("the event stream resumes after Last-Event-ID and refuses bad input", async ({ page }) => {
  const stacks = new StacksPage(page);
  await stacks.goto();
  await stacks.row("web-e2e").getByRole("link", { name: "web-e2e" }).click();
  const stack = new StackPage(page);
  const events = await stack.openTab("events");
  const seqs = (await events.getByTestId("event-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-seq"))))).sort((a, b) => a - b);
  expect(seqs.length).toBeGreaterThan(3);

  // Reads the SSE stream in the page, as EventSource does on reconnect, until it has `count` events.
  const streamed = await page.evaluate(
    async ({ url, lastId, count }) => {
      const abort = new AbortController();
      const response = await fetch(url, { headers: { "Last-Event-ID": String(lastId) }, signal: abort.signal });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      let ids: number[] = [];
      while (ids.length < count) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
        ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
      }
      abort.abort();
      return { type: response.headers.get("content-type"), ids };
    },
    { url: `${new URL(page.url()).pathname.replace("/stacks/", "/api/stacks/")}/events?after=0`, lastId: seqs[2], count: seqs.length - 3 },
  );
  expect(streamed.type).toMatch(/^text\/event-stream/);
  expect(streamed.ids).toEqual(seqs.slice(3));

  const bad = await page.request.get(`${new URL(page.url()).pathname.replace("/stacks/", "/api/stacks/")}/events?after=soon`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain("after must be a non-negative integer");
  const missing = await page.request.get("/api/stacks/no-such-stack/events");
  expect(missing.status()).toBe(404);
});
