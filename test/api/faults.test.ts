import { describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/engine/diagnostics";
import { EngineError } from "../../lib/engine/errors";
import { classify, heatFault } from "../../lib/api/heat-faults";
import { originOf } from "../../lib/api/http";

/** An error as another bundled copy of lib/engine/errors would make it (same name and code, other class). */
function foreignEngineError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: "EngineError", code });
}

describe("Heat fault mapping", () => {
  it("maps engine, validation and foreign-copy errors to Heat's status and type", () => {
    expect(classify(new EngineError("NotFound", "Stack x not found"))).toEqual({ status: 404, type: "EntityNotFound", message: "Stack x not found" });
    expect(classify(foreignEngineError("Conflict", "busy"))).toMatchObject({ status: 409, type: "Conflict" });
    expect(classify(new ValidationError([]))).toMatchObject({ status: 400, type: "StackValidationFailed" });
    expect(classify(new Error("boom"))).toMatchObject({ status: 500, type: "InternalError" });
  });

  it("writes Heat's fault body", async () => {
    const response = heatFault(foreignEngineError("NotFound", "Stack y not found"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      explanation: "The resource could not be found.",
      code: 404,
      error: { message: "Stack y not found", traceback: null, type: "EntityNotFound" },
      title: "Not Found",
    });
  });

  it("takes the origin from the Host header the client used", () => {
    expect(originOf(new Request("http://localhost:3112/identity/v3", { headers: { host: "127.0.0.1:3112" } }))).toBe("http://127.0.0.1:3112");
    expect(originOf(new Request("http://localhost:3112/x"))).toBe("http://localhost:3112");
  });
});
