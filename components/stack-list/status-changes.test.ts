import { describe, expect, it } from "vitest";
import type { StackSummary } from "@/lib/services/types";
import { statusChanges } from "./status-changes";

const stack = (id: string, status: string): StackSummary => ({
  id,
  name: `stack-${id}`,
  status,
  statusReason: "",
  regions: [],
  createdAt: "2026-11-21T20:00:00Z",
  updatedAt: null,
  parentId: null,
  owner: null,
});

describe("statusChanges", () => {
  it("is empty when nothing changed", () => {
    expect(statusChanges([stack("a", "CREATE_COMPLETE")], [stack("a", "CREATE_COMPLETE")])).toEqual([]);
  });

  it("names changed, new and removed stacks", () => {
    const before = [stack("a", "CREATE_IN_PROGRESS"), stack("b", "CREATE_COMPLETE")];
    const after = [stack("a", "CREATE_COMPLETE"), stack("c", "CREATE_IN_PROGRESS")];
    expect(statusChanges(before, after)).toEqual(["stack-a: create complete", "stack-c: create in progress", "stack-b was removed"]);
  });
});
