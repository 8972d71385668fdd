import { describe, expect, it } from "vitest";
import type { PreviewResource } from "@/lib/engine/stack/api";
import { groupByRegion } from "./preview-table";

const resource = (name: string, region: string): PreviewResource => ({ name, type: "OS::Heat::None", region, dependsOn: [], properties: {} });

describe("groupByRegion", () => {
  it("groups in region order and keeps each region's resources in creation order", () => {
    const resources = [resource("net", "RegionTwo"), resource("server", "RegionOne"), resource("port", "RegionTwo")];
    expect(groupByRegion({ resources, regions: ["RegionOne", "RegionTwo"], diagnostics: [] })).toEqual([
      { region: "RegionOne", resources: [resources[1]] },
      { region: "RegionTwo", resources: [resources[0], resources[2]] },
    ]);
  });
});
