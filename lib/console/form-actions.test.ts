import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "@/lib/engine/diagnostics";
import { EngineError } from "@/lib/engine/errors";
import { parseRequest, refusalOf } from "./form-actions";

describe("parseRequest", () => {
  it("returns the checked value, or names the bad field", () => {
    const schema = z.object({ name: z.string() });
    expect(parseRequest(schema, { name: "web" })).toEqual({ name: "web" });
    expect(() => parseRequest(schema, { name: 3 })).toThrow(/Invalid request: .*name/s);
  });
});

describe("refusalOf", () => {
  it("turns validation errors into diagnostics and expected engine errors into messages", () => {
    const diagnostic = { severity: "error" as const, code: "template.section" as const, message: "bad", path: ["resources"] };
    expect(refusalOf(new ValidationError([diagnostic]), "Fix it.")).toEqual({ error: "Fix it.", diagnostics: [diagnostic] });
    expect(refusalOf(new EngineError("Conflict", "Stack s is busy"), "Fix it.")).toEqual({ error: "Stack s is busy", diagnostics: [] });
  });

  it("rethrows anything else", () => {
    expect(() => refusalOf(new EngineError("Internal", "boom"), "Fix it.")).toThrow("boom");
    expect(() => refusalOf(new TypeError("bug"), "Fix it.")).toThrow("bug");
  });
});
