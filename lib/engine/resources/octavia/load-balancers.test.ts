import { describe, expect, it } from "vitest";
import { createTestEngine } from "../../testing";

const P = { projectId: "p1" };

const template = (members: string[]) => JSON.stringify({
  heat_template_version: "2018-08-31",
  resources: {
    lb: { type: "OS::Octavia::LoadBalancer", properties: { vip_subnet: "private-subnet" } },
    listener: { type: "OS::Octavia::Listener", properties: { loadbalancer: { get_resource: "lb" }, protocol: "HTTP", protocol_port: 80 } },
    pool: { type: "OS::Octavia::Pool", properties: { listener: { get_resource: "listener" }, lb_algorithm: "ROUND_ROBIN", protocol: "HTTP" } },
    monitor: { type: "OS::Octavia::HealthMonitor", properties: { pool: { get_resource: "pool" }, type: "HTTP", delay: 5, max_retries: 3, timeout: 2 } },
    ...Object.fromEntries(members.map((m, i) => [m, { type: "OS::Octavia::PoolMember", properties: { pool: { get_resource: "pool" }, address: `10.0.0.${10 + i}`, protocol_port: 80 } }])),
  },
  outputs: {
    members: { value: { get_attr: ["pool", "members"] } },
    pools: { value: { get_attr: ["lb", "pools"] } },
    listeners: { value: { get_attr: ["pool", "listeners"] } },
    monitor: { value: { get_attr: ["pool", "healthmonitor_id"] } },
    lbs: { value: { get_attr: ["listener", "loadbalancers"] } },
    default_pool: { value: { get_attr: ["listener", "default_pool_id"] } },
  },
});

describe("load balancers that list their members", () => {
  it("shows a pool's members, the load balancer's pools and the listener's load balancer, as members come and go", async () => {
    const t = createTestEngine();
    const stack = await t.finish(await t.engine.create("lb", { template: template(["web1", "web2"]) }, P));
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    const ids = async () => Object.fromEntries((await t.engine.resources(stack.id)).map((r) => [r.name, r.physicalId!]));
    const outputs = async () => Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.error ?? o.value]));
    const first = await ids();
    const sortById = (list: unknown) => [...(list as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortById((await outputs()).members)).toEqual(sortById([{ id: first.web1 }, { id: first.web2 }]));
    expect(await outputs()).toMatchObject({
      pools: [{ id: first.pool }], listeners: [{ id: first.listener }], monitor: first.monitor, lbs: [{ id: first.lb }], default_pool: first.pool,
    });
    const updated = await t.finish(await t.engine.update(stack.id, { template: template(["web1", "web3"]) }));
    expect(`${updated.action}_${updated.status}`).toBe("UPDATE_COMPLETE");
    const second = await ids();
    expect(sortById((await outputs()).members)).toEqual(sortById([{ id: second.web1 }, { id: second.web3 }]));
    const deleted = await t.finish(await t.engine.delete(stack.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
    expect(await t.cloud.region("RegionOne").objects.listObjects("OS::Octavia::PoolMember")).toEqual([]);
  });
});
