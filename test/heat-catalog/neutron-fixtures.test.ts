/**
 * The two upstream Neutron examples (servers on a new network behind a router, the 2013 one with the
 * hidden OS::Neutron::RouterGateway and network_id spellings): Heat accepts them (their .heat.json
 * verdicts), and so does Hearth, which creates and deletes them on the instant cloud. Routers, router
 * interfaces and gateways run on placeholder objects until they get a network model of their own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestEngine } from "../../lib/engine/testing";

const FIXTURES = join(__dirname, "fixtures");
const read = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

describe.each(["servers-in-new-neutron-net", "servers-router-gateway-2013"])("fixture %s", (fixture) => {
  it("validates as Heat does, then creates and deletes", async () => {
    const heat = JSON.parse(read(`${fixture}.heat.json`));
    expect([heat.template.ok, heat.strict.ok]).toEqual([true, true]);
    const t = createTestEngine();
    const input = { template: read(heat.fixture), templateName: heat.fixture, environments: [{ name: heat.environment, text: read(heat.environment) }] };
    expect((await t.engine.validate(input, { strict: true })).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const stack = await t.finish(await t.engine.create(fixture, input, { projectId: "p1" }));
    expect(`${stack.action}_${stack.status}`, stack.statusReason).toBe("CREATE_COMPLETE");
    const outputs = Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.error ?? o.value]));
    expect(outputs.server1_private_ip).toMatch(/^10\.10\.0\.\d+$/);
    const deleted = await t.finish(await t.engine.delete(stack.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
    expect(await t.cloud.region("RegionOne", "p1").objects.listObjects()).toEqual([]);
  });
});
