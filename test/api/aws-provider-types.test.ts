/**
 * AWS::RDS::DBInstance and AWS::CloudWatch::Alarm through the Heat REST API, as Heat runs them (its
 * global environment's provider templates, lib/engine/resources/aws/provider-types.ts): the DB
 * instance is a nested stack with a server whose address is Endpoint.Address; the CloudWatch alarm is a
 * nested OS::Aodh::Alarm whose action is the ScalingPolicy's alarm_url, so when the watched server
 * crashes, the HA monitor's evaluation fires it and the policy scales the group out.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, settled, type ApiHarness } from "./harness";

const TEMPLATE = `
heat_template_version: 2018-08-31
resources:
  group:
    type: OS::Heat::AutoScalingGroup
    properties:
      min_size: 1
      max_size: 2
      resource: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny, metadata: { "metering.app": web } } }
  policy:
    type: OS::Heat::ScalingPolicy
    properties: { auto_scaling_group_id: { get_resource: group }, adjustment_type: change_in_capacity, scaling_adjustment: 1 }
  unhealthy:
    type: AWS::CloudWatch::Alarm
    properties:
      MetricName: server_health
      Statistic: Minimum
      Period: "1"
      EvaluationPeriods: "1"
      Threshold: "1"
      ComparisonOperator: LessThanThreshold
      AlarmActions: [{ get_attr: [policy, alarm_url] }]
      Dimensions: [{ Name: metadata.user_metadata.app, Value: web }]
  db:
    type: AWS::RDS::DBInstance
    properties: { DBName: shop, Engine: MySQL, MasterUsername: shop, MasterUserPassword: s3cret, DBInstanceClass: db.m1.small, AllocatedStorage: "5" }
outputs:
  db_address: { value: { get_attr: [db, Endpoint.Address] } }
  db_port: { value: { get_attr: [db, Endpoint.Port] } }
  size: { value: { get_attr: [group, current_size] } }
`;

let api: ApiHarness | undefined;
afterEach(() => api?.close());

describe("AWS types Heat runs as provider templates, through the API", () => {
  it("an RDS instance gives its server's address; a CloudWatch alarm on a crashed member scales the group out", async () => {
    api = await startHarness({ haMonitor: true });
    const { token } = await api.login("admin", "admin-secret", "admin");
    const base = "/heat-api/v1/admin/stacks";
    const created = await api.call("POST", base, { token, body: { stack_name: "aws", template: TEMPLATE } });
    expect(created.status).toBe(201);
    expect(await settled(api, "admin", token, "aws")).toBe("CREATE_COMPLETE");
    const stack = `${base}/aws/${created.body.stack.id}`;
    const output = async (key: string) => (await api!.call("GET", `${stack}/outputs/${key}`, { token })).body.output.output_value;

    const nested = (await api.call("GET", `${stack}/resources?nested_depth=1`, { token })).body.resources as { resource_name: string; resource_type: string; physical_resource_id: string; parent_resource?: string }[];
    const dbServer = nested.find((r) => r.parent_resource === "db" && r.resource_type === "AWS::EC2::Instance")!;
    const inventory = await api.hearth.cloudInventory();
    const server = inventory.servers.find((s) => s.id === dbServer.physical_resource_id)!;
    expect(server.addresses.map((a) => a.address)).toContain(await output("db_address"));
    expect(await output("db_port")).toBe("3306");
    const alarm = nested.find((r) => r.parent_resource === "unhealthy")!;
    expect(alarm.resource_type).toBe("OS::Aodh::Alarm");

    const member = inventory.servers.find((s) => s.metadata["metering.app"] === "web")!;
    await api.hearth.fault({ kind: "crash-server", serverId: member.id });
    let size = 1;
    for (let i = 0; i < 200 && size < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      size = await output("size");
    }
    expect(size).toBe(2);
  });
});
