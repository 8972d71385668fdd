import { describe, expect, it } from "vitest";
import { createHarness } from "../testing-context";
import { scalingPolicyResource } from "./scaling-policy";

describe("scaling cooldown as Heat's resource metadata", () => {
  it("a ScalingPolicy shows no cooldown before its first action, then {cooldown_end: {time: reason}} and refuses within it", async () => {
    const signalled: unknown[] = [];
    const h = createHarness(scalingPolicyResource, {
      properties: { auto_scaling_group_id: "group-1", adjustment_type: "change_in_capacity", scaling_adjustment: 2, cooldown: 60 },
    });
    h.ctx.signalPeer = async (_ref, details) => {
      signalled.push(details);
    };
    await h.create();
    const metadata = () => scalingPolicyResource.handlers.metadata!(h.ctx);
    expect(metadata()).toEqual({ scaling_in_progress: false });
    const at = h.now();
    await h.signal({});
    const end = new Date(at + 60_000).toISOString().replace("Z", "");
    expect(metadata()).toEqual({ cooldown_end: { [end]: "change_in_capacity : 2" }, scaling_in_progress: false });
    await h.signal({});
    expect(signalled).toHaveLength(1);
    expect(h.notes.at(-1)).toMatch(/^No action: cooldown runs until/);
  });
});
