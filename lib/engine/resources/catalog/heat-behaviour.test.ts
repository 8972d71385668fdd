/**
 * What Heat 19 does with templates written for it, against Hearth's registry built from the catalogue
 * (verdicts from the oracle, ../shared/tools/heat-oracle/validate.py, default and --mode strict):
 * renamed properties are translated, unimplemented ones refused, open attributes accepted, hidden
 * types usable, the global environment's aliases apply.
 */
import { describe, expect, it } from "vitest";
import { compileStack } from "../../template";
import { createTestEngine } from "../../testing";
import { defaultRegistry } from "../index";

function verdict(template: string, mode: "validate" | "strict"): string[] {
  const options = { registry: defaultRegistry, stackName: "s", stackId: "s-1", projectId: "p1", region: "RegionOne", regions: ["RegionOne"], mode };
  return compileStack({ template, templateName: "t.yaml" }, options).diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
}

const ACCEPTED = `heat_template_version: 2018-08-31
resources:
  port: { type: OS::Neutron::Port, properties: { network_id: private } }
  fip: { type: OS::Neutron::FloatingIP, properties: { floating_network_id: public } }
  sub: { type: OS::Neutron::Subnet, properties: { network_id: private, cidr: 10.9.0.0/24 } }
  restarter: { type: OS::Heat::HARestarter, properties: { InstanceId: abc } }
  config: { type: OS::Heat::SoftwareConfig, properties: { outputs: [{ name: result }] } }
  deployment: { type: OS::Heat::SoftwareDeployment, properties: { config: { get_resource: config }, server: abc } }
  net: { type: OS::Quantum::Net }
  alarm: { type: OS::Ceilometer::Alarm, properties: { meter_name: cpu_util, threshold: 50 } }
outputs:
  result: { value: { get_attr: [deployment, result] } }
  anything: { value: { get_attr: [deployment, whatever_name] } }
  first: { value: { get_attr: [port, fixed_ips] } }
`;

describe("Heat's catalogue in Hearth's validator (oracle verdicts)", () => {
  it("accepts renamed properties, hidden types, open attributes and global aliases (Heat: ok in both modes)", () => {
    expect(verdict(ACCEPTED, "validate")).toEqual([]);
    expect(verdict(ACCEPTED, "strict")).toEqual([]);
  });

  it("refuses a renamed property beside its successor, in strict mode only, in Heat's words", () => {
    const both = "heat_template_version: 2018-08-31\nresources:\n  p: { type: OS::Neutron::Port, properties: { network_id: private, network: private } }\n";
    expect(verdict(both, "validate")).toEqual([]);
    expect(verdict(both, "strict")).toEqual([
      "Property error: resources.p.properties.network: Cannot define the following properties at the same time: network, network_id",
    ]);
  });

  it("refuses a property Heat has not implemented, in both modes", () => {
    const kernel = "heat_template_version: 2018-08-31\nresources:\n  i: { type: AWS::EC2::Instance, properties: { ImageId: cirros, InstanceType: m1.small, KernelId: x } }\n";
    const message = "Property error: resources.i.properties: Property KernelId not implemented yet";
    expect(verdict(kernel, "validate")).toEqual([message]);
    expect(verdict(kernel, "strict")).toEqual([message]);
  });

  it("still refuses an unknown attribute of a type whose attributes are closed", () => {
    const bad = "heat_template_version: 2018-08-31\nresources:\n  net: { type: OS::Neutron::Net }\noutputs:\n  x: { value: { get_attr: [net, nonsense] } }\n";
    // Heat prefixes the path (outputs.x.value.get_attr: ...); Hearth's diagnostic carries it as its path
    expect(verdict(bad, "validate")).toEqual(["The Referenced Attribute (net nonsense) is incorrect."]);
  });
});

describe("renamed properties at create", () => {
  it("run as their successor: a port on network_id is a port on that network", async () => {
    const t = createTestEngine();
    const template = "heat_template_version: 2018-08-31\nresources:\n  port: { type: OS::Neutron::Port, properties: { network_id: private } }\n";
    const stack = await t.finish(await t.engine.create("s", { template }, { projectId: "p1" }));
    expect(`${stack.action}_${stack.status}`, stack.statusReason).toBe("CREATE_COMPLETE");
    const [port] = await t.engine.resources(stack.id);
    const network = (await t.cloud.region("RegionOne").network.listNetworks()).find((n) => n.name === "private")!;
    expect((await t.cloud.region("RegionOne").network.getPort(port.physicalId!)).networkId).toBe(network.id);
    expect(port.properties).toMatchObject({ network: "private" });
    expect(port.properties.network_id).toBeUndefined();
  });
});
