import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, startHarness, type ApiHarness } from "./harness";
import { PAIR } from "./templates";

let api: ApiHarness;
let token: string;
const base = "/heat-api/v1/admin";

beforeEach(async () => {
  api = await startHarness();
  ({ token } = await api.login("admin", ADMIN_PASSWORD, "admin"));
});
afterEach(() => api.close());

/** Polls stack show (as `openstack stack create --wait` does) until the status leaves IN_PROGRESS. */
async function pollShow(path: string): Promise<string> {
  for (;;) {
    const { body } = await api.call("GET", path, { token });
    const status: string = body.stack.stack_status;
    if (!status.endsWith("IN_PROGRESS")) return status;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe("a change sent the moment a stack shows COMPLETE", () => {
  it("is accepted every time: create -> COMPLETE -> update at once, repeatedly, then delete at once (no 409)", async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 2; round++) {
      const created = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: `quick${round}`, template: PAIR } });
      const path = `${base}/stacks/quick${round}/${created.body.stack.id}`;
      expect(await pollShow(path)).toBe("CREATE_COMPLETE");
      for (let update = 0; update < 5; update++) {
        const patched = await api.call("PATCH", path, { token, body: { parameters: { greeting: `hi-${round}-${update}` } } });
        statuses.push(patched.status);
        expect(await pollShow(path)).toBe("UPDATE_COMPLETE");
        const marked = await api.call("PATCH", `${path}/resources/first`, { token, body: { mark_unhealthy: update % 2 === 0 } });
        statuses.push(marked.status);
      }
      const deleted = await api.call("DELETE", path, { token });
      statuses.push(deleted.status);
    }
    expect(statuses.filter((s) => s === 409)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([202, 200, 204]));
  }, 120_000);
});
