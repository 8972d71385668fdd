import { describe, expect, it } from "vitest";
import type { UpdateChangeKind } from "@/lib/engine/stack/api";
import { changeSummary } from "./change-table";

const entry = (name: string, kind: UpdateChangeKind) => ({ name, type: "OS::Heat::None", region: "RegionOne", kind, changed: [] });

describe("changeSummary", () => {
  it("counts each kind in a fixed order", () => {
    const preview = { resources: [entry("a", "replace"), entry("b", "none"), entry("c", "none"), entry("d", "update")] };
    expect(changeSummary(preview)).toBe("2 no change, 1 update in place, 1 replace");
    expect(changeSummary({ resources: [] })).toBe("");
  });
});
