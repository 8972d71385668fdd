import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, settled, startHarness, type ApiHarness } from "./harness";

let api: ApiHarness;
let token: string;
const base = "/heat-api/v1/admin";

beforeEach(async () => {
  api = await startHarness();
  ({ token } = await api.login("admin", ADMIN_PASSWORD, "admin"));
});
afterEach(() => api.close());

async function outputsOf(name: string, template: string): Promise<Record<string, unknown>> {
  const created = await api.call("POST", `${base}/stacks`, { token, body: { stack_name: name, template } });
  expect(created.status).toBe(201);
  expect(await settled(api, "admin", token, name)).toBe("CREATE_COMPLETE");
  const shown = await api.call("GET", `${base}/stacks/${name}/${created.body.stack.id}`, { token });
  return Object.fromEntries(shown.body.stack.outputs.map((o: { output_key: string; output_value: unknown }) => [o.output_key, o.output_value]));
}

describe("/heat-api with other template formats, software deployments and routers", () => {
  it("lists the CFN versions, validates a CFN template in Heat's words, and creates it", async () => {
    const versions = await api.call("GET", `${base}/template_versions`, { token });
    expect(versions.body.template_versions).toContainEqual({ version: "AWSTemplateFormatVersion.2010-09-09", type: "cfn", aliases: [] });
    const bad = await api.call("POST", `${base}/validate`, { token, body: { template: JSON.stringify({ AWSTemplateFormatVersion: "2010-09-09", Resources: { V: { Type: "OS::Heat::Value", Properties: { value: 1, bogus: 1 } } } }) } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("Property error: Resources.V.Properties: Unknown Property bogus");
    const template = JSON.stringify({
      AWSTemplateFormatVersion: "2010-09-09",
      Parameters: { Who: { Type: "String", Default: "world" } },
      Mappings: { Greetings: { world: { Text: "hello" } } },
      Resources: { V: { Type: "OS::Heat::Value", Properties: { value: { "Fn::Join": [" ", [{ "Fn::FindInMap": ["Greetings", { Ref: "Who" }, "Text"] }, { Ref: "Who" }]] } } } },
      Outputs: { greeting: { Value: { "Fn::GetAtt": ["V", "value"] } }, stack: { Value: { Ref: "AWS::StackName" } } },
    });
    expect(await outputsOf("cfn", template)).toEqual({ greeting: "hello world", stack: "cfn" });
  });

  it("runs a software deployment on the simulated cloud and shows its outputs", async () => {
    const template = `heat_template_version: 2018-08-31
resources:
  server: {type: OS::Nova::Server, properties: {image: cirros, flavor: m1.small, user_data_format: SOFTWARE_CONFIG}}
  config:
    type: OS::Heat::SoftwareConfig
    properties:
      group: script
      inputs: [{name: size}]
      outputs: [{name: doubled}]
      config: "echo -n $size$size > $heat_outputs_path.doubled"
  deployment:
    type: OS::Heat::SoftwareDeployment
    properties: {config: {get_resource: config}, server: {get_resource: server}, input_values: {size: "21"}}
outputs:
  doubled: {value: {get_attr: [deployment, doubled]}}
  code: {value: {get_attr: [deployment, deploy_status_code]}}
`;
    expect(await outputsOf("deployed", template)).toEqual({ doubled: "2121", code: 0 });
  });

  it("routes floating IPs through a router of the stack on the simulated cloud", async () => {
    const template = `heat_template_version: 2018-08-31
resources:
  net: {type: OS::Neutron::Net}
  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.30.0.0/24}}
  router: {type: OS::Neutron::Router, properties: {external_gateway_info: {network: public}}}
  interface: {type: OS::Neutron::RouterInterface, properties: {router: {get_resource: router}, subnet: {get_resource: subnet}}}
  port: {type: OS::Neutron::Port, properties: {network: {get_resource: net}, fixed_ips: [{subnet: {get_resource: subnet}}]}}
  fip: {type: OS::Neutron::FloatingIP, properties: {floating_network: public, port_id: {get_resource: port}}}
outputs:
  fixed: {value: {get_attr: [fip, fixed_ip_address]}}
  gateway: {value: {get_attr: [router, external_gateway_info, enable_snat]}}
`;
    expect(await outputsOf("routed", template)).toEqual({ fixed: "10.30.0.2", gateway: true });
  });
});
