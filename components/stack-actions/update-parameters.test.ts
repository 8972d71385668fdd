import { describe, expect, it } from "vitest";
import type { ParameterDefinition } from "@/lib/engine/template/types";
import { storedValues, updateParametersToSend } from "./update-parameters";

const param = (name: string, extra: Partial<ParameterDefinition> = {}): ParameterDefinition =>
  ({ name, type: "string", hidden: false, immutable: false, constraints: [], ...extra }) as ParameterDefinition;

const PARAMS = {
  flavor: param("flavor", { default: "m1.small" }),
  size: param("size", { type: "number", default: 1 }),
  secret: param("secret", { hidden: true }),
  zones: param("zones", { type: "comma_delimited_list" }),
};
const STORED = { flavor: "m1.tiny", secret: "hunter2", zones: ["a", "b"] };

describe("storedValues", () => {
  it("starts from stored values, then defaults, and never fills in a hidden value", () => {
    expect(storedValues(PARAMS, STORED)).toEqual({ flavor: "m1.tiny", size: "1", secret: "", zones: "a,b" });
  });
});

describe("updateParametersToSend", () => {
  const edited = { flavor: "m1.tiny", size: "3", secret: "", zones: "a,b" };

  it("with existing (PATCH) sends only what differs from the stored values", () => {
    expect(updateParametersToSend(PARAMS, edited, STORED, true)).toEqual({ size: "3" });
    expect(updateParametersToSend(PARAMS, { ...edited, secret: "new" }, STORED, true)).toEqual({ size: "3", secret: "new" });
  });

  it("without existing sends every filled-in field", () => {
    expect(updateParametersToSend(PARAMS, edited, STORED, false)).toEqual({ flavor: "m1.tiny", size: "3", zones: "a,b" });
  });
});
