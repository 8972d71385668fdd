import { describe, expect, it } from "vitest";
import { isFinalStatus, splitStatus, statusTone } from "./status";

describe("splitStatus", () => {
  it("splits action and status, including multi-word statuses", () => {
    expect(splitStatus("CREATE_IN_PROGRESS")).toEqual({ action: "CREATE", status: "IN_PROGRESS" });
    expect(splitStatus("ROLLBACK_COMPLETE")).toEqual({ action: "ROLLBACK", status: "COMPLETE" });
    expect(splitStatus("DELETE_FAILED")).toEqual({ action: "DELETE", status: "FAILED" });
  });

  it("keeps an unknown string as the action", () => {
    expect(splitStatus("WEIRD")).toEqual({ action: "WEIRD", status: "" });
  });
});

describe("statusTone", () => {
  it("maps statuses to tones", () => {
    expect(statusTone("CREATE_COMPLETE")).toBe("complete");
    expect(statusTone("UPDATE_FAILED")).toBe("failed");
    expect(statusTone("SUSPEND_IN_PROGRESS")).toBe("progress");
    expect(statusTone("INIT_COMPLETE")).toBe("neutral");
    expect(statusTone("")).toBe("neutral");
  });
});

describe("isFinalStatus", () => {
  it("is true for COMPLETE and FAILED only", () => {
    expect(isFinalStatus("CREATE_COMPLETE")).toBe(true);
    expect(isFinalStatus("CREATE_FAILED")).toBe(true);
    expect(isFinalStatus("CREATE_IN_PROGRESS")).toBe(false);
  });
});
