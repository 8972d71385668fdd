/**
 * Hostile tenants: a member of one project names another project's cloud objects and stacks (adopt
 * data, ids in properties) and gets "not found", in the same words as for an id that exists nowhere.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, settled, startHarness, type ApiHarness } from "../api/harness";

let api: ApiHarness;
let victim: { token: string; projectId: string };
let mallory: { token: string; projectId: string };

beforeEach(async () => {
  api = await startHarness();
  victim = await api.login("admin", ADMIN_PASSWORD, "admin");
  await api.hearth.identity.createUser("mallory", "pw");
  await api.hearth.identity.assignRole("mallory", "demo", "member");
  mallory = await api.login("mallory", "pw", "demo");
});
afterEach(() => api.close());

const MISSING = "00000000-0000-4000-8000-000000000000";

/** A message with every id (UUID) and this file's stack names masked, to compare the words of two failures. */
const masked = (message: string) =>
  message.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>").replace(/\b(foreign|missing)\d-(\w+)-[a-z0-9]{12}\b/g, "<stack>-$2");

const VICTIM = `heat_template_version: 2018-08-31
resources:
  server: { type: OS::Nova::Server, properties: { flavor: m1.tiny, image: cirros } }
  volume: { type: OS::Cinder::Volume, properties: { size: 1 } }
  net: { type: OS::Neutron::Net }
  inner:
    type: OS::Heat::Stack
    properties:
      template: '{"heat_template_version": "2018-08-31", "outputs": {"secret": {"value": "s3cr3t"}}}'
`;

/** Creates a stack and waits for it; its path and final status. */
async function stack(who: { token: string; projectId: string }, name: string, body: Record<string, unknown>): Promise<{ path: string; status: string; reason: string }> {
  const base = `/heat-api/v1/${who.projectId}`;
  const created = await api.call("POST", `${base}/stacks`, { token: who.token, body: { stack_name: name, disable_rollback: true, ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const status = await settled(api, who.projectId, who.token, name);
  const path = `${base}/stacks/${name}/${created.body.stack.id}`;
  const shown = await api.call("GET", path, { token: who.token });
  return { path, status, reason: shown.body.stack.stack_status_reason };
}

/** The victim's physical ids by resource name. */
async function victimIds(path: string): Promise<Record<string, string>> {
  const { body } = await api.call("GET", `${path}/resources`, { token: victim.token });
  return Object.fromEntries(body.resources.map((r: { resource_name: string; physical_resource_id: string }) => [r.resource_name, r.physical_resource_id]));
}

/** Adopt data taking over one resource of `type` with `id`. */
const adoptOne = (type: string, id: string, properties: Record<string, unknown> = {}) => ({
  adopt_stack_data: {
    template: { heat_template_version: "2018-08-31", resources: { taken: { type, properties } }, outputs: { leak: { value: { get_attr: ["taken", type === "OS::Heat::Stack" ? "outputs" : "name"] } } } },
    resources: { taken: { resource_id: id, type } },
  },
});

describe("cloud objects and stacks of another project are not found", () => {
  it("refuses to adopt another project's server or nested stack, and deleting the adopter leaves them alone", async () => {
    const target = await stack(victim, "victim", { template: VICTIM });
    expect(target.status).toBe("CREATE_COMPLETE");
    const ids = await victimIds(target.path);
    const cases: [string, string, Record<string, unknown>][] = [
      ["OS::Nova::Server", ids.server, { flavor: "m1.tiny", image: "cirros" }],
      ["OS::Heat::Stack", ids.inner, { template: "heat_template_version: 2018-08-31" }],
    ];
    for (const [i, [type, id, properties]] of cases.entries()) {
      const foreign = await stack(mallory, `take${i}`, adoptOne(type, id, properties));
      const missing = await stack(mallory, `miss${i}`, adoptOne(type, MISSING, properties));
      expect(foreign.status).toBe("ADOPT_FAILED");
      expect(missing.status).toBe("ADOPT_FAILED");
      expect(masked(foreign.reason)).toBe(masked(missing.reason));
      const outputs = (await api.call("GET", `${foreign.path}/outputs`, { token: mallory.token })).body.outputs;
      expect(JSON.stringify(outputs)).not.toContain("s3cr3t");
      expect((await api.call("DELETE", foreign.path, { token: mallory.token })).status).toBe(204);
      expect(await settled(api, mallory.projectId, mallory.token, `take${i}`)).toBe("GONE");
    }
    // the victim's objects are still there and still its own
    expect(await victimIds(target.path)).toEqual(ids);
    const servers = (await api.hearth.cloudInventory()).servers.map((s) => s.id);
    expect(servers).toContain(ids.server);
    const inner = await api.call("GET", `${target.path}/resources/inner`, { token: victim.token });
    expect(inner.body.resource.resource_status).toBe("CREATE_COMPLETE");
    expect((await api.hearth.forProject(mallory.projectId).cloudInventory()).servers).toEqual([]);
  });

  it("fails a volume attachment or a server on another project's volume or network as for a missing id", async () => {
    const ids = await victimIds((await stack(victim, "victim", { template: VICTIM })).path);
    const attach = (volume: string) => `heat_template_version: 2018-08-31
resources:
  server: { type: OS::Nova::Server, properties: { flavor: m1.tiny, image: cirros } }
  attachment: { type: OS::Cinder::VolumeAttachment, properties: { instance_uuid: { get_resource: server }, volume_id: ${volume} } }
`;
    const onNetwork = (network: string) => `heat_template_version: 2018-08-31
resources:
  server: { type: OS::Nova::Server, properties: { flavor: m1.tiny, image: cirros, networks: [{ network: ${network} }] } }
`;
    for (const [i, [template, id]] of ([[attach, ids.volume], [onNetwork, ids.net]] as const).entries()) {
      const foreign = await stack(mallory, `foreign${i}`, { template: template(id) });
      const missing = await stack(mallory, `missing${i}`, { template: template(MISSING) });
      expect(foreign.status).toBe("CREATE_FAILED");
      expect(masked(foreign.reason)).toBe(masked(missing.reason));
    }
    const volume = (await api.hearth.cloudInventory()).volumes.find((v) => v.id === ids.volume);
    expect(volume?.attachments).toEqual([]);
  });
});
