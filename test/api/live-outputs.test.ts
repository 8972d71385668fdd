import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, settled, startHarness, type ApiHarness } from "./harness";

const SEED = path.resolve(__dirname, "../../examples/seed");
const read = (file: string) => fs.readFileSync(path.join(SEED, file), "utf8");
const base = "/heat-api/v1/admin";

let api: ApiHarness;
let token: string;

beforeEach(async () => {
  api = await startHarness();
  ({ token } = await api.login("admin", ADMIN_PASSWORD, "admin"));
});
afterEach(() => api.close());

describe("outputs through the Heat API are computed when shown", () => {
  it("after a replace_oldest signal, stack show and output show give the new member in refs", async () => {
    const created = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: "restarter", template: read("ha-restarter.yaml"), files: { "ha_server.yaml": read("ha_server.yaml") } } });
    expect(created.status).toBe(201);
    expect(await settled(api, "admin", token, "restarter")).toBe("CREATE_COMPLETE");
    const stack = `${base}/stacks/restarter/${created.body.stack.id}`;
    const refs = async () => (await api.call("GET", `${stack}/outputs/refs`, { token })).body.output.output_value as string[];
    const [before] = await refs();
    const signal = await api.call("POST", `${stack}/resources/server_restart_policy/signal`, { token, body: { reason: "drill" } });
    expect(signal.status).toBe(200);
    const after = await refs();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    const shown = (await api.call("GET", stack, { token })).body.stack.outputs as { output_key: string; output_value: unknown }[];
    expect(shown.find((o) => o.output_key === "refs")?.output_value).toEqual(after);
    expect((await api.call("GET", `${stack}?resolve_outputs=false`, { token })).body.stack.outputs).toBeUndefined();
  });
});
