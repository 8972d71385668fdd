import { describe, expect, it } from "vitest";
import { EngineError } from "../engine/errors";
import { configFromEnv } from "./config";
import { isServiceError, ServiceError } from "./errors";
import { SignalUrlRefused } from "./ha/presign";

describe("service errors", () => {
  it("are recognised by their code, also as a copy from another module instance", () => {
    expect(isServiceError(new SignalUrlRefused(), "SignalUrlRefused")).toBe(true);
    expect(isServiceError(new ServiceError("SignalUrlRefused", "refused"), "SignalUrlRefused")).toBe(true);
    const copy = Object.assign(new Error("refused"), { name: "SignalUrlRefused", code: "SignalUrlRefused" });
    expect(isServiceError(copy, "SignalUrlRefused")).toBe(true);
  });

  it("are not confused with other errors or thrown values", () => {
    expect(isServiceError(new EngineError("NotFound", "Stack x not found"), "SignalUrlRefused")).toBe(false);
    expect(isServiceError(new Error("Signal URL refused"), "SignalUrlRefused")).toBe(false);
    expect(isServiceError({ code: "SignalUrlRefused" }, "SignalUrlRefused")).toBe(false);
    expect(isServiceError(undefined, "SignalUrlRefused")).toBe(false);
  });

  it("keep the refused signal URL's message", () => {
    expect(new SignalUrlRefused()).toMatchObject({ code: "SignalUrlRefused", message: "Signal URL refused: the token is malformed or its signature does not match" });
  });

  it("name the environment variable Hearth cannot use", () => {
    expect(() => configFromEnv({ HEARTH_SIM_SPEED: "fast" })).toThrow(expect.objectContaining({ code: "InvalidConfig", message: 'HEARTH_SIM_SPEED must be a number >= 0, not "fast"' }));
    expect(() => configFromEnv({ HEARTH_SIM_SEED: "1.5" })).toThrow(expect.objectContaining({ code: "InvalidConfig", message: 'HEARTH_SIM_SEED must be an integer, not "1.5"' }));
  });
});
