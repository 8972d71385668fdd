/**
 * AWS::RDS::DBInstance and AWS::CloudWatch::Alarm through the engine, as Heat runs them: each is a
 * nested stack of Heat's own provider template. The DB instance's stack holds an EC2 instance and its
 * security group (the port open), Endpoint.Address is the instance's address and Endpoint.Port the
 * port; an update of the port changes the rule in place; delete removes the server. The alarm's stack
 * holds an OS::Aodh::Alarm with CloudWatch's words mapped to Aodh's and its actions (the policy's
 * alarm_url firing the policy is tested through the API and the HA monitor: test/api/aws-provider-types.test.ts).
 */
import { describe, expect, it } from "vitest";
import { createTestEngine } from "../../testing";
import { providerParameters } from "./provider-types";

const P = { projectId: "p1" };

const rdsTemplate = (port: string) =>
  JSON.stringify({
    AWSTemplateFormatVersion: "2010-09-09",
    Resources: {
      db: {
        Type: "AWS::RDS::DBInstance",
        Properties: { DBName: "wordpress", Engine: "MySQL", MasterUsername: "admin", MasterUserPassword: "pw", DBInstanceClass: "db.m1.small", AllocatedStorage: "5", Port: port },
      },
    },
    Outputs: {
      address: { Value: { "Fn::GetAtt": ["db", "Endpoint.Address"] } },
      port: { Value: { "Fn::GetAtt": ["db", "Endpoint.Port"] } },
    },
  });

const ALARM_TEMPLATE = JSON.stringify({
  heat_template_version: "2018-08-31",
  resources: {
    group: { type: "OS::Heat::AutoScalingGroup", properties: { min_size: 1, max_size: 3, resource: { type: "OS::Nova::Server", properties: { image: "cirros", flavor: "m1.tiny" } } } },
    policy: { type: "OS::Heat::ScalingPolicy", properties: { auto_scaling_group_id: { get_resource: "group" }, adjustment_type: "change_in_capacity", scaling_adjustment: 1 } },
    cpu_high: {
      type: "AWS::CloudWatch::Alarm",
      properties: {
        MetricName: "cpu_util",
        Statistic: "Average",
        Period: "60",
        EvaluationPeriods: "1",
        Threshold: "50",
        ComparisonOperator: "GreaterThanThreshold",
        AlarmActions: ["https://hooks.example/scale-out", "https://hooks.example/page"],
        Dimensions: [{ Name: "metering.app", Value: "web" }],
      },
    },
  },
});

describe("AWS types Heat runs as provider templates", () => {
  it("passes lists comma-delimited and lists of maps as AWS members", () => {
    expect(providerParameters({ A: ["x", "y"], D: [{ Name: "n", Value: 1 }], E: [], S: "s", U: null })).toEqual({ A: "x,y", D: ".member.0.Name=n,.member.0.Value=1", E: "", S: "s" });
  });

  it("an RDS DB instance is a nested stack with a server; Endpoint.Address and Endpoint.Port; update and delete", async () => {
    const t = createTestEngine();
    const stack = await t.finish(await t.engine.create("rds", { template: rdsTemplate("3306") }, P));
    expect(`${stack.action}_${stack.status}`, stack.statusReason).toBe("CREATE_COMPLETE");
    const db = (await t.engine.resources(stack.id)).find((r) => r.name === "db")!;
    const nested = await t.engine.resources(db.physicalId!);
    expect(nested.map((r) => r.type).sort()).toEqual(["AWS::CloudFormation::WaitCondition", "AWS::CloudFormation::WaitConditionHandle", "AWS::EC2::Instance", "AWS::EC2::SecurityGroup"]);
    const compute = t.cloud.region("RegionOne").compute;
    const servers = await compute.listServers();
    expect(servers).toHaveLength(1);
    const outputs = Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.error ?? o.value]));
    const instance = nested.find((r) => r.type === "AWS::EC2::Instance")!;
    expect(outputs.address).toBe((await t.engine.resourceAttributes(db.physicalId!, instance.name)).PublicIp);
    expect(outputs).toMatchObject({ port: "3306" });
    expect(typeof outputs.address === "string" && outputs.address.length > 0).toBe(true);

    const updated = await t.finish(await t.engine.update(stack.id, { template: rdsTemplate("3307") }));
    expect(`${updated.action}_${updated.status}`, updated.statusReason).toBe("UPDATE_COMPLETE");
    expect(Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.value])).port).toBe("3307");
    expect((await compute.listServers()).map((s) => s.id)).toEqual(servers.map((s) => s.id));

    const deleted = await t.finish(await t.engine.delete(stack.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
    expect((await compute.listServers()).filter((s) => s.status !== "DELETED")).toEqual([]);
  });

  it("a CloudWatch alarm is the template's Aodh alarm, CloudWatch's words mapped to Aodh's", async () => {
    const t = createTestEngine();
    const stack = await t.finish(await t.engine.create("cw", { template: ALARM_TEMPLATE }, P));
    expect(`${stack.action}_${stack.status}`, stack.statusReason).toBe("CREATE_COMPLETE");
    const alarm = (await t.engine.resources(stack.id)).find((r) => r.name === "cpu_high")!;
    const [aodh] = await t.engine.resources(alarm.physicalId!);
    expect(aodh.type).toBe("OS::Aodh::Alarm");
    expect(aodh.properties).toMatchObject({
      meter_name: "cpu_util",
      statistic: "avg",
      comparison_operator: "gt",
      period: 60,
      evaluation_periods: 1,
      threshold: 50,
      alarm_actions: ["https://hooks.example/scale-out", "https://hooks.example/page"],
      matching_metadata: { "metering.app": "web" },
      repeat_actions: true,
    });
  });
});
