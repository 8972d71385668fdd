import { expect, test } from "@playwright/test";
import { DesignerPage } from "./pages/designer-page";

const TWO_REGIONS = `heat_template_version: 2018-08-31
# a comment the canvas must keep
description: two regions

resources:
  far_net:
    type: OS::Neutron::Net
    region: RegionTwo
  web:
    type: OS::Nova::Server
    region: RegionOne
    properties:
      flavor: m1.small   # small is enough
`;

test.describe("designer", () => {
  test("drag two resources, connect them, and the YAML gets the reference", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.dropType("OS::Neutron::Net", 130, 70);
    await expect(designer.node("net")).toBeVisible();
    await designer.dropType("OS::Nova::Server", 330, 230);
    await expect(designer.node("server")).toBeVisible();
    await designer.connect("server", "net");
    await expect(designer.message).toContainText("server now uses net");
    const yaml = await designer.yaml();
    expect(yaml).toContain("  server:\n    type: OS::Nova::Server\n    properties:\n      flavor: \"\"\n      networks:\n        - network: { get_resource: net }\n");
    await page.getByRole("tab", { name: "Last change" }).click();
    await expect(page.getByTestId("designer-diff")).toContainText("- network: { get_resource: net }");
    await page.screenshot({ path: "e2e/screenshots/designer-connect.png" });
  });

  test("YAML put into the editor changes the canvas; a canvas edit keeps the comments", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(TWO_REGIONS);
    await expect(designer.node("far_net")).toBeVisible();
    await expect(designer.region("RegionTwo")).toBeVisible();
    await expect(designer.node("web")).toHaveAttribute("data-region", "RegionOne");
    await designer.dropType("OS::Heat::RandomString", 150, 420);
    await expect(designer.node("random_string")).toBeVisible();
    const yaml = await designer.yaml();
    expect(yaml).toContain("# a comment the canvas must keep\n");
    expect(yaml).toContain("flavor: m1.small   # small is enough\n");
    expect(yaml).toContain("  random_string:\n    type: OS::Heat::RandomString\n");
  });

  test("typing key by key at full speed keeps every key and adds the resource to the canvas", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(TWO_REGIONS);
    await expect(designer.node("web")).toBeVisible();
    // No delay between keys, completions popping up as they would for a user.
    const line = "  typed_vol: { type: OS::Cinder::Volume, properties: { size: 1, name: fast } }";
    await designer.typeAtEnd(line);
    await expect(designer.node("typed_vol")).toBeVisible();
    expect(await designer.yaml()).toContain(line);
  });

  test("completions offer resource types while typing; Tab takes one", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(TWO_REGIONS + "  typed_net:\n");
    await expect(designer.node("typed_net")).toContainText("(no type)");
    // A resource whose type is still to come; the cursor on the empty line after it.
    await designer.typeAtEnd("    type: OS::Neutron::Ne");
    await expect(designer.suggestion("OS::Neutron::Net")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/designer-completion.png" });
    await page.keyboard.press("Tab");
    await expect(designer.node("typed_net")).toContainText("OS::Neutron::Net");
    expect(await designer.yaml()).toContain("  typed_net:\n    type: OS::Neutron::Net\n");
  });

  test("an edge across regions is refused with the engine's message", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(TWO_REGIONS);
    await expect(designer.node("far_net")).toBeVisible();
    await designer.connect("web", "far_net");
    await expect(designer.message).toContainText('Cannot connect web to far_net: Resource "web" (OS::Nova::Server) in region RegionOne cannot use "far_net"');
    expect(await designer.yaml()).not.toContain("get_resource: far_net");
    await page.screenshot({ path: "e2e/screenshots/designer-cross-region.png" });
  });

  test("undo restores the canvas and the YAML; redo brings the change back", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.dropType("OS::Cinder::Volume", 200, 150);
    await expect(designer.node("volume")).toBeVisible();
    await page.getByTestId("designer-undo").click();
    await expect(designer.node("volume")).toHaveCount(0);
    expect(await designer.yaml()).not.toContain("volume:");
    await designer.canvas.focus();
    await page.keyboard.press("ControlOrMeta+Shift+Z");
    await expect(designer.node("volume")).toBeVisible();
  });

  test("a saved template reopens with the same layout after a reload", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(TWO_REGIONS);
    await expect(designer.node("web")).toBeVisible();
    const layoutOf = (yaml: string) => yaml.slice(yaml.indexOf("# hearth-layout v1"));
    const webAt = (yaml: string) => /# {3}node web (-?\d+) (-?\d+)/.exec(yaml)!.slice(1).map(Number);
    const start = webAt(await designer.yaml());
    await designer.dragNode("web", 0, 60);
    await page.getByTestId("designer-save").click();
    await expect(page.getByTestId("designer-saved")).toHaveText("Saved · v1");
    expect(page.url()).toMatch(/\/designer\?id=/);
    const saved = await designer.yaml();
    expect(webAt(saved)[1]).toBeGreaterThan(start[1]);
    await page.reload();
    await designer.canvas.waitFor();
    await expect(designer.node("web")).toBeVisible();
    await expect(designer.region("RegionTwo")).toBeVisible();
    expect(layoutOf(await designer.yaml())).toBe(layoutOf(saved));
    await page.screenshot({ path: "e2e/screenshots/designer-reloaded.png" });
  });

  test("Launch saves the template and opens the launch form with it", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(TWO_REGIONS);
    await expect(designer.node("web")).toBeVisible();
    await page.getByTestId("designer-launch").click();
    await page.waitForURL(/\/launch\?template=/);
    await expect(page.getByTestId("template-text")).toHaveValue(/# a comment the canvas must keep/);
  });
});

test("a flow-style resource line is typed with completions: its type, then a property of that type", async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.goto();
  await designer.setYaml(TWO_REGIONS);
  await expect(designer.node("web")).toBeVisible();
  // Heat's catalogue has several OS::Cinder::* types; a few more letters make the volume the first match.
  await designer.typeAtEnd("  cache: { type: OS::Cinder::Vol");
  await expect(designer.suggestion("OS::Cinder::Volume")).toBeVisible();
  await page.keyboard.press("Tab");
  // Inside the flow mapping's properties, the volume's own properties are offered.
  await page.keyboard.type(", properties: { si");
  await expect(designer.suggestion("size")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/designer-flow-completion.png" });
  await page.keyboard.press("Tab");
  await page.keyboard.type("1 } }");
  await expect(designer.node("cache")).toContainText("OS::Cinder::Volume");
  expect(await designer.yaml()).toContain("  cache: { type: OS::Cinder::Volume, properties: { size: 1 } }\n");
});
