import { describe, expect, it } from "vitest";
import { adminSession } from "./harness";
import { PAIR } from "./templates";

const session = adminSession();
const base = "/heat-api/v1/admin";

/** Polls stack show (as `openstack stack create --wait` does) until the status leaves IN_PROGRESS. */
async function pollShow(path: string): Promise<string> {
  for (;;) {
    const { body } = await session.api.call("GET", path, { token: session.token });
    const status: string = body.stack.stack_status;
    if (!status.endsWith("IN_PROGRESS")) return status;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe("a change sent the moment a stack shows COMPLETE", () => {
  it("is accepted every time: create -> COMPLETE -> update at once, repeatedly, then delete at once (no 409)", async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 2; round++) {
      const created = await session.api.call("POST", `${base}/stacks`, { token: session.token, body: { stack_name: `quick${round}`, template: PAIR } });
      const path = `${base}/stacks/quick${round}/${created.body.stack.id}`;
      expect(await pollShow(path)).toBe("CREATE_COMPLETE");
      for (let update = 0; update < 5; update++) {
        const patched = await session.api.call("PATCH", path, { token: session.token, body: { parameters: { greeting: `hi-${round}-${update}` } } });
        statuses.push(patched.status);
        expect(await pollShow(path)).toBe("UPDATE_COMPLETE");
        const marked = await session.api.call("PATCH", `${path}/resources/first`, { token: session.token, body: { mark_unhealthy: update % 2 === 0 } });
        statuses.push(marked.status);
      }
      const deleted = await session.api.call("DELETE", path, { token: session.token });
      statuses.push(deleted.status);
    }
    expect(statuses.filter((s) => s === 409)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([202, 200, 204]));
  }, 120_000);
});
