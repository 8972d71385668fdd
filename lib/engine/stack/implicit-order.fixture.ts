/** The stack of the implicit-dependency bug: the port names its network only; Heat orders it after the subnet. */
export const PORT_ON_SUBNET = `heat_template_version: 2021-04-16
resources:
  net: {type: OS::Neutron::Net}
  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}, cidr: 10.0.0.0/24}}
  port: {type: OS::Neutron::Port, properties: {network: {get_resource: net}}}
  server: {type: OS::Nova::Server, properties: {image: cirros, flavor: m1.small, networks: [{port: {get_resource: port}}]}}
`;

/** "name ACTION_STATUS" lines in event order, and the index of one that must be there. */
export function eventOrder(lines: string[]): (line: string) => number {
  return (line) => {
    const i = lines.indexOf(line);
    if (i < 0) throw new Error(`no event "${line}" in:\n${lines.join("\n")}`);
    return i;
  };
}
