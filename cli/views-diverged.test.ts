import { describe, expect, it } from "vitest";
import type { ResourceRecord, StackRecord } from "../lib/engine/ports";
import { resourceView } from "../lib/api/heat/views";
import { DIVERGED_KEY } from "../lib/federation/divergence";
import { resourceFields } from "./views";

const mark = { region: "RegionTwo", child: "top-two-0123456789ab", childId: "c-1", appliedDigest: "a".repeat(64), currentDigest: "b".repeat(64), detectedAt: "2026-12-04T22:00:00.123Z" };
const stack = { id: "s-1", name: "top" } as StackRecord;
const rec = (data: Record<string, string>) => ({ name: "two", type: "OS::Heat::Stack", region: "RegionOne", physicalId: "c-1", action: "CREATE", status: "COMPLETE", statusReason: "", createdAt: mark.detectedAt, updatedAt: null, nestedStackId: null, data }) as unknown as ResourceRecord;
const links = { resource: () => "r", stack: () => "s", stackById: () => "n" } as unknown as Parameters<typeof resourceView>[2];

describe("the divergence mark in resource views", () => {
  it("is the field diverged of the CLI's resource show and of the REST view while the resource has one", () => {
    const fields = resourceFields(stack, rec({ [DIVERGED_KEY]: JSON.stringify(mark) }), {});
    expect(fields.values[fields.columns.indexOf("diverged")]).toEqual(mark);
    expect(resourceView(stack, rec({ [DIVERGED_KEY]: JSON.stringify(mark) }), links, []).diverged).toEqual(mark);
  });

  it("is absent without a mark, or with one that does not parse", () => {
    for (const data of [{}, { [DIVERGED_KEY]: "{not json" }] as Record<string, string>[]) {
      expect(resourceFields(stack, rec(data), {}).columns).not.toContain("diverged");
      expect(resourceView(stack, rec(data), links, [])).not.toHaveProperty("diverged");
    }
  });
});
