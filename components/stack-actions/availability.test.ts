import { describe, expect, it } from "vitest";
import { availability, isDestructive, STACK_ACTIONS, type StackActionName } from "./availability";

/** The actions enabled for a status. */
const enabled = (status: string) => STACK_ACTIONS.filter((a) => availability(a, status).enabled);

describe("availability", () => {
  it("offers everything but cancel and resume on a completed stack", () => {
    expect(enabled("CREATE_COMPLETE")).toEqual(["update", "check", "suspend", "delete"]);
    expect(enabled("UPDATE_FAILED")).toEqual(["update", "check", "suspend", "delete"]);
  });

  it("offers cancel and delete while creating or updating", () => {
    expect(enabled("CREATE_IN_PROGRESS")).toEqual(["cancel", "delete"]);
    expect(enabled("UPDATE_IN_PROGRESS")).toEqual(["cancel", "delete"]);
    expect(enabled("CHECK_IN_PROGRESS")).toEqual(["delete"]);
    expect(enabled("DELETE_IN_PROGRESS")).toEqual([]);
  });

  it("offers resume only on a suspended stack", () => {
    expect(enabled("SUSPEND_COMPLETE")).toEqual(["update", "check", "resume", "delete"]);
    expect(enabled("SUSPEND_FAILED")).toEqual(["update", "check", "suspend", "resume", "delete"]);
  });

  it("leaves only delete after a failed delete", () => {
    expect(enabled("DELETE_FAILED")).toEqual(["delete"]);
  });

  it("gives a reason naming the status for each disabled action", () => {
    const reasons = (["cancel", "resume", "suspend"] as StackActionName[]).map((a) => availability(a, "CREATE_COMPLETE"));
    expect(reasons).toEqual([
      { enabled: false, reason: "Nothing to cancel: the stack is create complete" },
      { enabled: false, reason: "Only a suspended stack can be resumed; this one is create complete" },
      { enabled: true },
    ]);
    expect(availability("update", "CHECK_IN_PROGRESS")).toEqual({ enabled: false, reason: "Wait until the stack is no longer check in progress" });
    expect(availability("cancel", "SUSPEND_IN_PROGRESS")).toEqual({ enabled: false, reason: "Only a create or an update can be cancelled, not suspend" });
  });
});

describe("isDestructive", () => {
  it("is true for delete and cancel only", () => {
    expect(STACK_ACTIONS.filter(isDestructive)).toEqual(["cancel", "delete"]);
  });
});
