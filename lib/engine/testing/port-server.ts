/**
 * The template of a server on a port the stack creates itself (networks: [{port: {get_resource: port}}]),
 * for the tests of replacing such a server: a new image or flavor replaces it; `failing` adds a
 * Test::Failing resource after the server, so an update fails once the new server is up.
 */
export function portServerTemplate(shape: { image?: string; flavor?: string; failing?: boolean } = {}): string {
  return JSON.stringify({
    heat_template_version: "2021-04-16",
    resources: {
      net: { type: "OS::Neutron::Net" },
      subnet: { type: "OS::Neutron::Subnet", properties: { network: { get_resource: "net" }, cidr: "10.9.0.0/24" } },
      port: { type: "OS::Neutron::Port", properties: { network: { get_resource: "net" }, fixed_ips: [{ subnet: { get_resource: "subnet" } }] } },
      server: {
        type: "OS::Nova::Server",
        properties: { image: shape.image ?? "cirros", flavor: shape.flavor ?? "m1.tiny", networks: [{ port: { get_resource: "port" } }] },
      },
      ...(shape.failing ? { boom: { type: "Test::Failing", depends_on: ["server"] } } : {}),
    },
  });
}
