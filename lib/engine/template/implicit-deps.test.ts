import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../resources";
import { compileStack } from ".";
import { testOptions } from "./test-registry";
import { sameTemplateValue } from "../resources/neutron/implicit-dependencies";

const compile = (resources: string, mode: "validate" | "strict" = "strict", parameters?: Record<string, unknown>) =>
  compileStack({ template: `heat_template_version: 2021-04-16\nparameters:\n  netname: {type: string, default: private}\nresources:\n${resources}`, parameters }, { ...testOptions(mode), registry: defaultRegistry });
const implicit = (resources: string, mode: "validate" | "strict" = "strict") => {
  const r = compile(resources, mode);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return Object.fromEntries(Object.values(r.stack!.resources).filter((x) => x.implicitDependsOn.length).map((x) => [x.name, x.implicitDependsOn]));
};

const NETS = `
  net: {type: OS::Neutron::Net}
  other: {type: OS::Neutron::Net}
  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.0.0.0/24}}
  subnet2: {type: OS::Neutron::Subnet, properties: {network_id: {get_resource: net}, cidr: 10.0.1.0/24}}
  elsewhere: {type: OS::Neutron::Subnet, properties: {network: {get_resource: other}, cidr: 10.1.0.0/24}}
  literal: {type: OS::Neutron::Subnet, properties: {network: {get_param: netname}, cidr: 10.2.0.0/24}}
`;

describe("implicit dependencies (Heat's add_dependencies)", () => {
  it("a port depends on every subnet of its network: the same get_resource target or the same literal", () => {
    expect(implicit(`${NETS}
  port: {type: OS::Neutron::Port, properties: {network: {get_resource: net}}}
  port2: {type: OS::Neutron::Port, properties: {network: private}}
  port3: {type: OS::Neutron::Port, properties: {network: net}}
`)).toEqual({ port: ["subnet", "subnet2"], port2: ["literal"] });
  });

  it("adds them to dependsOn, after what the template states", () => {
    const r = compile(`${NETS}
  port: {type: OS::Neutron::Port, depends_on: [other], properties: {network: {get_resource: net}}}
`);
    expect(r.stack!.resources.port.dependsOn).toEqual(["other", "net", "subnet", "subnet2"]);
  });

  it("a server depends on the subnets of its networks, and on every subnet when an entry names no network", () => {
    expect(implicit(`${NETS}
  by_net: {type: OS::Nova::Server, properties: {image: cirros, flavor: m1.small, networks: [{network: {get_resource: other}}]}}
  by_port: {type: OS::Nova::Server, properties: {image: cirros, flavor: m1.small, networks: [{port: some-port}]}}
  none: {type: OS::Nova::Server, properties: {image: cirros, flavor: m1.small}}
`)).toEqual({ by_net: ["elsewhere"], by_port: ["elsewhere", "literal", "subnet", "subnet2"] });
  });

  it("a router with an external gateway depends on the subnets of the gateway's network", () => {
    expect(implicit(`${NETS}
  router: {type: OS::Neutron::Router, properties: {external_gateway_info: {network: {get_resource: other}}}}
  plain: {type: OS::Neutron::Router}
`)).toEqual({ router: ["elsewhere"] });
  });

  it("a router gateway depends on its router's interfaces and its network's subnets", () => {
    expect(implicit(`${NETS}
  router: {type: OS::Neutron::Router}
  iface: {type: OS::Neutron::RouterInterface, properties: {router: {get_resource: router}, subnet: {get_resource: subnet}}}
  gw: {type: OS::Neutron::RouterGateway, properties: {router_id: {get_resource: router}, network: {get_resource: other}}}
`)).toEqual({ gw: ["elsewhere", "iface"] });
  });

  it("a floating IP depends on the gateways of its floating network and on the interfaces on its port's subnet", () => {
    expect(implicit(`${NETS}
  router: {type: OS::Neutron::Router, properties: {external_gateway_info: {network: public}}}
  router2: {type: OS::Neutron::Router}
  gw: {type: OS::Neutron::RouterGateway, properties: {router_id: {get_resource: router2}, network: public}}
  iface: {type: OS::Neutron::RouterInterface, properties: {router: {get_resource: router}, subnet: {get_resource: subnet}}}
  iface2: {type: OS::Neutron::RouterInterface, properties: {router: {get_resource: router}, subnet: {get_resource: elsewhere}}}
  port: {type: OS::Neutron::Port, properties: {network: {get_resource: net}, fixed_ips: [{subnet: {get_resource: subnet}}]}}
  fip: {type: OS::Neutron::FloatingIP, properties: {floating_network: public, port_id: {get_resource: port}}}
`).fip).toEqual(["gw", "iface", "router"]);
  });

  it("a floating IP association depends on the interfaces on the subnet of its port's first fixed IP", () => {
    expect(implicit(`${NETS}
  router: {type: OS::Neutron::Router}
  iface: {type: OS::Neutron::RouterInterface, properties: {router: {get_resource: router}, subnet: {get_resource: subnet}}}
  iface2: {type: OS::Neutron::RouterInterface, properties: {router: {get_resource: router}, subnet: {get_resource: elsewhere}}}
  port: {type: OS::Neutron::Port, properties: {network: {get_resource: net}, fixed_ips: [{subnet: {get_resource: subnet}}, {subnet: {get_resource: elsewhere}}]}}
  fip: {type: OS::Neutron::FloatingIP, properties: {floating_network: public}}
  assoc: {type: OS::Neutron::FloatingIPAssociation, properties: {floatingip_id: {get_resource: fip}, port_id: {get_resource: port}}}
`).assoc).toEqual(["iface"]);
  });

  it("looks only at resources of the same region", () => {
    expect(implicit(`${NETS}
  port: {type: OS::Neutron::Port, region: RegionTwo, properties: {network: private}}
`)).toEqual({});
  });

  it("a cycle they close passes template validate and fails create, as in Heat", () => {
    const cyclic = `
  net: {type: OS::Neutron::Net}
  subnet: {type: OS::Neutron::Subnet, depends_on: port, properties: {network: {get_resource: net}, cidr: 10.0.0.0/24}}
  port: {type: OS::Neutron::Port, properties: {network: {get_resource: net}}}
`;
    const validate = compile(cyclic, "validate");
    expect(validate.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(validate.stack!.resources.port.dependsOn).toEqual(["net"]);
    const strict = compile(cyclic, "strict");
    expect(strict.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([expect.stringMatching(/^Circular Dependency Found: /)]);
  });
});

describe("sameTemplateValue", () => {
  it("holds unset and null as one value, and maps equal whatever the order of their keys", () => {
    expect(sameTemplateValue(undefined, null)).toBe(true);
    expect(sameTemplateValue({ a: 1, b: [2, { c: 3, d: 4 }] }, { b: [2, { d: 4, c: 3 }], a: 1 })).toBe(true);
    expect(sameTemplateValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameTemplateValue("net", { get_resource: "net" })).toBe(false);
  });
});
