import { describe, expect, it } from "vitest";
import { resourceRecord } from "@/lib/engine/testing/records";
import { DIVERGED_KEY } from "@/lib/federation/divergence";
import { divergencesOf, ownerView } from "./federation-view";

const OWNER_TAGS = ["web", "hearth.owner.region=RegionOne", "hearth.owner.stack=p-1", "hearth.owner.resource=two", "hearth.owner.generation=3"];

describe("ownerView", () => {
  it("reads the owner tags, local only when the owner is in the stack's own region", () => {
    expect(ownerView({ tags: OWNER_TAGS, region: "RegionTwo" })).toEqual({ region: "RegionOne", stackId: "p-1", resource: "two", generation: 3, local: false });
    expect(ownerView({ tags: OWNER_TAGS, region: "RegionOne" })?.local).toBe(true);
  });

  it("is undefined for a stack nobody owns or with incomplete tags", () => {
    expect(ownerView({ tags: ["web"], region: "RegionOne" })).toBeUndefined();
    expect(ownerView({ tags: OWNER_TAGS.slice(0, 3), region: "RegionOne" })).toBeUndefined();
  });
});

const REASON = "Nested stack p-two-abc in region RegionTwo has diverged: it was changed without its owner (definition digest 111 applied by the owner, 222 now); the owner does not overwrite it";

describe("divergencesOf", () => {
  it("reads the scan's mark, digests shortened", () => {
    const mark = { region: "RegionTwo", child: "p-two-abc", childId: "c-9", appliedDigest: "a".repeat(64), currentDigest: "b".repeat(64), detectedAt: "2026-12-04T21:00:00.000Z" };
    const rec = resourceRecord("two", { type: "OS::Heat::Stack", physicalId: "c-9", data: { [DIVERGED_KEY]: JSON.stringify(mark) } });
    const [view] = divergencesOf([rec]);
    expect(view).toMatchObject({ resource: "two", region: "RegionTwo", child: "p-two-abc", childId: "c-9", detectedAt: mark.detectedAt, appliedDigest: "a".repeat(12), currentDigest: "b".repeat(12) });
    expect(view.reason).toContain("p-two-abc in region RegionTwo was changed without its owner");
  });

  it("falls back to the DivergedError reason of a failed update or check", () => {
    const rec = resourceRecord("two", { type: "OS::Heat::Stack", action: "CHECK", status: "FAILED", statusReason: `DivergedError: resources.two: ${REASON}`, physicalId: "c-9", updatedAt: "2026-12-04T21:01:00.000Z" });
    expect(divergencesOf([rec])).toEqual([{ resource: "two", region: "RegionTwo", child: "p-two-abc", childId: "c-9", detectedAt: "2026-12-04T21:01:00.000Z", reason: REASON }]);
  });

  it("ignores resolved, other failures, unreadable marks and replaced copies", () => {
    const resolved = resourceRecord("a", { action: "ADOPT", status: "COMPLETE", statusReason: "Divergence resolved by adopt: ..." });
    const other = resourceRecord("b", { status: "FAILED", statusReason: "Region RegionTwo (http://x) is unreachable" });
    const garbled = resourceRecord("c", { data: { [DIVERGED_KEY]: "{not json" } });
    const replaced = resourceRecord("d", { status: "FAILED", statusReason: REASON, replacedBy: "d2" });
    expect(divergencesOf([resolved, other, garbled, replaced])).toEqual([]);
  });
});
