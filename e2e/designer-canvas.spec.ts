import { expect, test, type Locator } from "@playwright/test";
import { parse } from "yaml";
import { DesignerPage } from "./pages/designer-page";

const LINKS = `heat_template_version: 2018-08-31
description: attribute edges
resources:
  web:
    type: OS::Nova::Server
    properties:
      flavor: m1.small
      admin_pass: ""
  secret:
    type: OS::Heat::RandomString
  assoc:
    type: OS::Neutron::FloatingIPAssociation
`;

const PAIR = `heat_template_version: 2018-08-31
description: a disk and the machine that waits for it
resources:
  disk: { type: OS::Cinder::Volume, properties: { size: 10 } }
  vm: { type: OS::Nova::Server, depends_on: disk, properties: { flavor: m1.large } }
`;

const TWO_REGIONS = `heat_template_version: 2018-08-31
description: one resource per region
resources:
  far_net: { type: OS::Neutron::Net, region: RegionTwo }
  web: { type: OS::Nova::Server, region: RegionOne, properties: { flavor: m1.tiny } }
`;

/** True when two boxes on screen share any area. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = [(await a.boundingBox())!, (await b.boundingBox())!];
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

test.describe("designer canvas", () => {
  test("an edge into a property that wants a value writes get_attr and is drawn with the attribute", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(LINKS);
    await expect(designer.node("assoc")).toBeVisible();
    // Zoom to fit (F): all three nodes in view.
    await designer.pressOnCanvas("f");
    await expect(designer.node("secret")).toBeInViewport();
    await designer.connect("assoc", "web");
    await expect(designer.message).toContainText("assoc now uses web (get_attr at properties.fixed_ip_address)");
    await designer.connect("web", "secret");
    await expect(designer.message).toContainText("web now uses secret (get_attr at properties.admin_pass)");
    const yaml = await designer.yaml();
    expect(yaml).toContain("fixed_ip_address: { get_attr: [ web, first_address ] }");
    expect(yaml).toContain("admin_pass: { get_attr: [ secret, value ] }");
    await expect(designer.edgeLabel("fixed_ip_address ← first_address")).toBeVisible();
    await expect(designer.edgeLabel("admin_pass ← value")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/designer-get-attr.png" });
  });

  test("copy puts HOT YAML on the clipboard; paste renames clashes and keeps references; duplicate copies in place", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(PAIR);
    await expect(designer.node("vm")).toBeVisible();
    await designer.pressOnCanvas("ControlOrMeta+A", "ControlOrMeta+C");
    await expect(designer.message).toContainText("Copied 2 resources as HOT YAML");
    const copied = await designer.clipboard();
    expect(copied).toMatch(/^resources:\n {2}disk:\n {4}type: OS::Cinder::Volume\n/);
    expect(copied).toContain("  vm:\n    type: OS::Nova::Server\n    depends_on: disk\n");

    await designer.pressOnCanvas("ControlOrMeta+V");
    await expect(designer.message).toContainText("Pasted 2 resources: disk_2, vm_2");
    await expect(designer.node("vm_2")).toBeVisible();
    expect(await overlap(designer.node("vm_2"), designer.node("vm"))).toBe(false);
    expect(parse(await designer.yaml()).resources.vm_2).toEqual({ type: "OS::Nova::Server", depends_on: "disk_2", properties: { flavor: "m1.large" } });

    await designer.node("disk").click();
    await designer.pressOnCanvas("ControlOrMeta+D");
    await expect(designer.node("disk_3")).toBeVisible();

    // Text from anywhere: a bare mapping of resources.
    await designer.setClipboard("mynet:\n  type: OS::Neutron::Net\n");
    await designer.pressOnCanvas("ControlOrMeta+V");
    await expect(designer.node("mynet")).toBeVisible();
    await designer.setClipboard("hello");
    await designer.pressOnCanvas("ControlOrMeta+V");
    await expect(designer.message).toContainText("Paste: the clipboard holds no resources");
    await page.screenshot({ path: "e2e/screenshots/designer-paste.png" });

    // The YAML pane keeps its own keys: Ctrl+A there selects text, not nodes.
    await designer.pressOnCanvas("Escape");
    await expect(page.locator(".react-flow__node.selected")).toHaveCount(0);
    await page.locator("[data-testid=designer-yaml] .monaco-editor").click();
    await page.keyboard.press("ControlOrMeta+A");
    await expect(page.locator(".react-flow__node.selected")).toHaveCount(0);
  });

  test("a region box is deleted with Delete, its resources move to the default region; undo brings it back", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(TWO_REGIONS);
    await expect(designer.region("RegionTwo")).toBeVisible();
    await designer.selectRegion("RegionTwo");
    await page.keyboard.press("Delete");
    await expect(designer.message).toContainText("Removed the RegionTwo box: far_net now uses the stack's default region (RegionOne).");
    await expect(designer.region("RegionTwo")).toHaveCount(0);
    await expect(designer.node("far_net")).toHaveAttribute("data-region", "");
    expect(await designer.yaml()).not.toContain("region: RegionTwo");
    await designer.pressOnCanvas("ControlOrMeta+Z");
    await expect(designer.region("RegionTwo")).toBeVisible();
    await expect(designer.node("far_net")).toHaveAttribute("data-region", "RegionTwo");

    // Boxes resize from their corner handle once selected; the new size is stored in the layout.
    const sizeOf = (yaml: string) => /# {3}region RegionTwo -?\d+ -?\d+ (\d+) (\d+)/.exec(yaml)!.slice(1).map(Number);
    const before = sizeOf(await designer.yaml());
    await designer.selectRegion("RegionTwo");
    const handle = designer.region("RegionTwo").locator("xpath=..").locator(".react-flow__resize-control.handle.bottom.right");
    const h = (await handle.boundingBox())!;
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(h.x + 60, h.y + 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => sizeOf(await designer.yaml())[0]).toBeGreaterThan(before[0]);
  });

  test("a resource dragged out of its box loses its region; a drop on a node lands beside it, in the same box", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(TWO_REGIONS);
    await expect(designer.node("web")).toHaveAttribute("data-region", "RegionOne");
    const box = (await designer.region("RegionOne").boundingBox())!;
    const web = (await designer.node("web").boundingBox())!;
    await designer.dragNode("web", 0, box.y + box.height - web.y + 20);
    await expect(designer.node("web")).toHaveAttribute("data-region", "");
    expect(await designer.yaml()).not.toContain("region: RegionOne");

    const canvas = (await designer.canvas.boundingBox())!;
    const far = (await designer.node("far_net").boundingBox())!;
    await designer.dropType("OS::Cinder::Volume", far.x - canvas.x + far.width / 2, far.y - canvas.y + far.height / 2);
    await expect(designer.node("volume")).toBeVisible();
    expect(await overlap(designer.node("volume"), designer.node("far_net"))).toBe(false);
    // Dropped inside the RegionTwo box: it stays in RegionTwo, the box grows to hold it.
    await expect(designer.node("volume")).toHaveAttribute("data-region", "RegionTwo");
    await page.screenshot({ path: "e2e/screenshots/designer-drop-free-spot.png" });
  });

  test("versions: list the saved versions, compare one with the current text, open it as an undoable step", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(PAIR);
    await expect(designer.node("vm")).toBeVisible();
    await designer.save();
    await expect(page.getByTestId("designer-saved")).toHaveText("Saved · v1");
    await designer.dropType("OS::Neutron::Net", 120, 60);
    await expect(designer.node("net")).toBeVisible();
    await designer.pressOnCanvas("ControlOrMeta+S");
    await expect(page.getByTestId("designer-saved")).toHaveText("Saved · v2");

    await page.getByTestId("designer-versions-open").focus();
    await page.keyboard.press("Enter");
    const versions = page.getByTestId("designer-version");
    await expect(versions).toHaveCount(2);
    await expect(versions.first()).toContainText("v2");
    await expect(versions.first()).toContainText("latest");

    await page.getByRole("button", { name: "Compare version 1 with the current text" }).click();
    await expect(page.getByTestId("designer-version-compare")).toContainText("+   net:");
    await page.screenshot({ path: "e2e/screenshots/designer-versions.png" });

    await page.getByRole("button", { name: /^Open version 1/ }).focus();
    await page.keyboard.press("Enter");
    await expect(designer.message).toContainText("Opened version 1");
    await expect(designer.node("net")).toHaveCount(0);
    await expect(page.getByTestId("designer-saved")).toHaveText("Unsaved changes (v2 saved)");
    await designer.pressOnCanvas("ControlOrMeta+Z");
    await expect(designer.node("net")).toBeVisible();
  });

  test("toolbar commands are named buttons; select all, zoom to fit, minimap and Preview work", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.goto();
    await designer.setYaml(TWO_REGIONS);
    await expect(designer.node("web")).toBeVisible();
    const buttons = page.getByRole("toolbar", { name: "Designer commands" }).getByRole("button");
    const count = await buttons.count();
    expect(count).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < count; i++) expect(await buttons.nth(i).getAttribute("aria-label"), `button ${i}`).toBeTruthy();

    await designer.pressOnCanvas("ControlOrMeta+A");
    await expect(page.locator(".react-flow__node-design.selected")).toHaveCount(2);
    await designer.pressOnCanvas("Escape");
    await expect(page.locator(".react-flow__node.selected")).toHaveCount(0);

    const viewport = page.locator(".react-flow__viewport");
    await page.getByRole("button", { name: "zoom in" }).click();
    await page.getByRole("button", { name: "zoom in" }).click();
    const zoomed = await viewport.getAttribute("style");
    await designer.pressOnCanvas("f");
    await expect(viewport).not.toHaveAttribute("style", zoomed!);
    await expect(page.locator(".react-flow__minimap")).toBeVisible();

    await page.getByTestId("designer-preview").click();
    await expect(page.getByTestId("designer-preview-result")).toContainText("RegionTwo");
    await expect(page.getByTestId("designer-preview-result")).toContainText("far_net");
    await page.screenshot({ path: "e2e/screenshots/designer-preview.png" });
  });
});
