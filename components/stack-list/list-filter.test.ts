import { describe, expect, it } from "vitest";
import type { StackSummary } from "@/lib/services/types";
import { applyFilter, filterQuery, parseFilter, presentStatuses } from "./list-filter";

const stack = (name: string, status: string, regions: string[]): StackSummary => ({
  id: `id-${name}`,
  name,
  status,
  statusReason: "",
  regions,
  createdAt: "2026-11-21T20:00:00Z",
  updatedAt: null,
  parentId: null,
  owner: null,
});

const STACKS = [
  stack("web-one", "CREATE_COMPLETE", ["RegionOne"]),
  stack("Web-two", "UPDATE_FAILED", ["RegionOne", "RegionTwo"]),
  stack("db", "CREATE_IN_PROGRESS", ["RegionTwo"]),
  stack("cache", "SUSPEND_COMPLETE", ["RegionThree"]),
];
const names = (list: StackSummary[]) => list.map((s) => s.name);

describe("parseFilter / filterQuery", () => {
  it("reads trimmed values, the first of repeated keys, and missing ones as empty", () => {
    expect(parseFilter({ q: " web ", status: ["FAILED", "COMPLETE"] })).toEqual({ q: "web", status: "FAILED", region: "" });
  });

  it("writes only the parts that are set, and round-trips", () => {
    expect(filterQuery({ q: "", status: "", region: "" })).toBe("");
    const query = filterQuery({ q: "web two", status: "FAILED", region: "RegionTwo" });
    expect(query).toBe("?q=web+two&status=FAILED&region=RegionTwo");
    expect(parseFilter(Object.fromEntries(new URLSearchParams(query)))).toEqual({ q: "web two", status: "FAILED", region: "RegionTwo" });
  });
});

describe("applyFilter", () => {
  it("searches names case-insensitively", () => {
    expect(names(applyFilter(STACKS, { q: "WEB", status: "", region: "" }))).toEqual(["web-one", "Web-two"]);
  });

  it("filters by phase or by exact status", () => {
    expect(names(applyFilter(STACKS, { q: "", status: "COMPLETE", region: "" }))).toEqual(["web-one", "cache"]);
    expect(names(applyFilter(STACKS, { q: "", status: "SUSPEND_COMPLETE", region: "" }))).toEqual(["cache"]);
    expect(names(applyFilter(STACKS, { q: "", status: "IN_PROGRESS", region: "" }))).toEqual(["db"]);
  });

  it("filters by any of a stack's regions, combined with the other parts", () => {
    expect(names(applyFilter(STACKS, { q: "", status: "", region: "RegionTwo" }))).toEqual(["Web-two", "db"]);
    expect(names(applyFilter(STACKS, { q: "web", status: "FAILED", region: "RegionTwo" }))).toEqual(["Web-two"]);
    expect(applyFilter(STACKS, { q: "web", status: "", region: "RegionThree" })).toEqual([]);
  });
});

describe("presentStatuses", () => {
  it("lists each status once, sorted", () => {
    expect(presentStatuses([...STACKS, STACKS[0]])).toEqual(["CREATE_COMPLETE", "CREATE_IN_PROGRESS", "SUSPEND_COMPLETE", "UPDATE_FAILED"]);
  });
});
