import { describe, expect, it } from "vitest";
import { createTestEngine } from "../../testing";

const P = { projectId: "p1" };

// The wordpress-eip fixture's shape (test/heat-catalog/fixtures/cfn-wordpress-eip.template), on an image the cloud has.
const TEMPLATE = JSON.stringify({
  AWSTemplateFormatVersion: "2010-09-09",
  Parameters: { InstanceType: { Type: "String", Default: "m1.small" } },
  Resources: {
    IPAddress: { Type: "AWS::EC2::EIP" },
    IPAssoc: { Type: "AWS::EC2::EIPAssociation", Properties: { InstanceId: { Ref: "WebServer" }, EIP: { Ref: "IPAddress" } } },
    WebServerSecurityGroup: {
      Type: "AWS::EC2::SecurityGroup",
      Properties: {
        GroupDescription: "Enable HTTP access via port 80 plus SSH access",
        SecurityGroupIngress: [
          { IpProtocol: "icmp", FromPort: "-1", ToPort: "-1", CidrIp: "0.0.0.0/0" },
          { IpProtocol: "tcp", FromPort: "80", ToPort: "80", CidrIp: "0.0.0.0/0" },
        ],
      },
    },
    WebServer: {
      Type: "AWS::EC2::Instance",
      Properties: { ImageId: "cirros", InstanceType: { Ref: "InstanceType" }, SecurityGroups: [{ Ref: "WebServerSecurityGroup" }], UserData: { "Fn::Base64": "#!/bin/sh\necho hi" } },
    },
  },
  Outputs: {
    WebsiteURL: { Value: { "Fn::Join": ["", ["http://", { "Fn::GetAtt": ["WebServer", "PublicIp"] }, "/wordpress"]] } },
    InstanceIPAddress: { Value: { Ref: "IPAddress" } },
    PrivateIp: { Value: { "Fn::GetAtt": ["WebServer", "PrivateIp"] } },
  },
});

describe("AWS compatibility types, mapped as Heat maps them", () => {
  it("runs an instance with a security group and an elastic IP; the EIP's Ref is its address", async () => {
    const t = createTestEngine();
    const stack = await t.finish(await t.engine.create("wp", { template: TEMPLATE }, P));
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    const outputs = Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.error ?? o.value]));
    const ids = Object.fromEntries((await t.engine.resources(stack.id)).map((r) => [r.name, r.physicalId!]));
    const cloud = t.cloud.region("RegionOne");
    const fip = await cloud.network.getFloatingIp(ids.IPAddress);
    expect(outputs.InstanceIPAddress).toBe(fip.address);
    expect(outputs.WebsiteURL).toBe(`http://${fip.address}/wordpress`);
    expect(outputs.PrivateIp).toBe(fip.fixedIp);
    const server = await cloud.compute.getServer(ids.WebServer);
    expect(server.userData).toBe("#!/bin/sh\necho hi");
    const group = await cloud.network.getSecurityGroup(ids.WebServerSecurityGroup);
    expect(group.description).toBe("Enable HTTP access via port 80 plus SSH access");
    expect(group.rules.map((r) => [r.direction, r.protocol, r.portRangeMin, r.portRangeMax, r.remoteIpPrefix])).toEqual([
      ["ingress", "icmp", null, null, "0.0.0.0/0"],
      ["ingress", "tcp", 80, 80, "0.0.0.0/0"],
    ]);
    // a new instance type replaces the server, as Nova's flavor does
    const bigger = await t.finish(await t.engine.update(stack.id, { template: TEMPLATE, parameters: { InstanceType: "m1.medium" } }));
    expect(`${bigger.action}_${bigger.status}`).toBe("UPDATE_COMPLETE");
    const replaced = (await t.engine.resources(stack.id)).find((r) => r.name === "WebServer")!.physicalId!;
    expect(replaced).not.toBe(ids.WebServer);
    // the elastic IP follows the new instance (the old association leaves it alone)
    expect((await cloud.network.getFloatingIp(ids.IPAddress)).portId).toBe((await cloud.compute.getServer(replaced)).addresses[0].portId);
    const deleted = await t.finish(await t.engine.delete(stack.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
    await expect(cloud.network.getFloatingIp(ids.IPAddress)).rejects.toMatchObject({ code: "NotFound" });
  });
});
