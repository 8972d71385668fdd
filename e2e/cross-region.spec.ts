import path from "node:path";
import { expect, test } from "@playwright/test";
import { LaunchPage } from "./pages/launch-page";

const SHOTS = path.join(import.meta.dirname, "screenshots");

test("the Launch page refuses a volume handed to a nested stack in another region, showing the path through the templates", async ({ page }) => {
  const launch = new LaunchPage(page);
  await launch.goto();
  await launch.pickExample("bad-cross-region-stack.yaml");
  await launch.validate();
  const diagnostic = launch.diagnostics.filter({ hasText: "volume (RegionOne) -> app:attach (RegionTwo) via parameter vol_id of resource app" });
  await expect(diagnostic).toHaveCount(1);
  await expect(diagnostic).toContainText('"app:server" (OS::Nova::Server) in region RegionTwo');
  await expect(diagnostic).toContainText("resources.app.properties.parameters.vol_id");
  // The marker points at the line that hands the volume over.
  const text = await page.getByTestId("template-text").inputValue();
  const line = text.split("\n").findIndex((l) => l.includes("parameters: { vol_id:")) + 1;
  await expect(diagnostic.getByTestId("diagnostic-position")).toHaveText(new RegExp(`^bad-cross-region-stack\\.yaml:${line}:\\d+$`));
  // Nothing can be launched from it: the form offers no stack options and no Launch button.
  await expect(page.getByTestId("validate-state")).not.toHaveText(/Template is valid/);
  await expect(page.getByTestId("stack-name")).toHaveCount(0);
  await expect(page.getByTestId("launch")).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, "launch-cross-region-nested.png"), fullPage: true });
});
