/** Property and attribute schema of OS::Nova::Server, as Heat documents them (subset Hearth runs). */
import type { AttributeSchema, PropertySchema } from "../types";

const networkEntry: Record<string, PropertySchema> = {
  network: {
    type: "string",
    description: "Name or ID of network to create a port on.",
    constraints: [{ customConstraint: "neutron.network" }],
    region: "same",
    references: ["OS::Neutron::Net"],
  },
  fixed_ip: {
    type: "string",
    description: "Fixed IP address to specify for the port created on the requested network.",
    constraints: [{ customConstraint: "ip_addr" }],
    takes: "ip",
  },
  port: {
    type: "string",
    description: "ID of an existing port to associate with this server.",
    constraints: [{ customConstraint: "neutron.port" }],
    region: "same",
    references: ["OS::Neutron::Port"],
  },
  subnet: {
    type: "string",
    description: "Subnet in which to allocate the IP address for port. Used for creating port, based on derived properties.",
    constraints: [{ customConstraint: "neutron.subnet" }],
    region: "same",
    references: ["OS::Neutron::Subnet"],
  },
  floating_ip: {
    type: "string",
    description: "ID of the floating IP to associate.",
    region: "same",
    references: ["OS::Neutron::FloatingIP"],
  },
};

/** OS::Nova::Server properties. */
export const serverProperties: Record<string, PropertySchema> = {
  name: { type: "string", description: "Server name.", updateAllowed: true },
  image: {
    type: "string",
    description: "The ID or name of the image to boot with.",
    updateAllowed: true,
    constraints: [{ customConstraint: "glance.image" }],
  },
  flavor: {
    type: "string",
    description: "The ID or name of the flavor to boot onto.",
    required: true,
    updateAllowed: true,
    constraints: [{ customConstraint: "nova.flavor" }],
  },
  flavor_update_policy: {
    type: "string",
    description: 'Policy on how to apply a flavor update; either by requesting a server resize or by replacing the entire server.',
    default: "RESIZE",
    updateAllowed: true,
    constraints: [{ allowedValues: ["RESIZE", "REPLACE"] }],
  },
  image_update_policy: {
    type: "string",
    description: "Policy on how to apply an image-id update; either by requesting a server rebuild or by replacing the entire server.",
    default: "REBUILD",
    updateAllowed: true,
    constraints: [{ allowedValues: ["REBUILD", "REPLACE", "REBUILD_PRESERVE_EPHEMERAL"] }],
  },
  key_name: {
    type: "string",
    description: "Name of keypair to inject into the server.",
    constraints: [{ customConstraint: "nova.keypair" }],
  },
  availability_zone: { type: "string", description: "Name of the availability zone for server placement." },
  security_groups: {
    type: "list",
    description: "List of security group names or IDs. Cannot be used if neutron ports are associated with this server; assign security groups to the ports instead.",
    default: [],
    region: "same",
    references: ["OS::Neutron::SecurityGroup"],
  },
  networks: {
    type: "list",
    description: "An ordered list of nics to be added to this server, with information about connected networks, fixed ips, port etc.",
    updateAllowed: true,
    region: "same",
    items: { type: "map", description: "A network to connect the server to.", schema: networkEntry },
  },
  scheduler_hints: { type: "map", description: "Arbitrary key-value pairs specified by the client to help boot a server." },
  metadata: {
    type: "map",
    description: "Arbitrary key/value metadata to store for this server. Both keys and values must be 255 characters or less. Non-string values will be serialized to JSON (and the serialized string must be 255 characters or less).",
    updateAllowed: true,
    default: {},
  },
  user_data_format: {
    type: "string",
    description: "How the user_data should be formatted for the server. For RAW the user_data is passed to Nova unmodified.",
    default: "HEAT_CFNTOOLS",
    constraints: [{ allowedValues: ["HEAT_CFNTOOLS", "RAW", "SOFTWARE_CONFIG"] }],
  },
  software_config_transport: {
    type: "string",
    description: "How the server should receive the metadata required for software configuration.",
    default: "POLL_SERVER_CFN",
    updateAllowed: true,
    constraints: [{ allowedValues: ["POLL_SERVER_CFN", "POLL_SERVER_HEAT", "POLL_TEMP_URL", "ZAQAR_MESSAGE"] }],
  },
  user_data_update_policy: {
    type: "string",
    description: "Policy on how to apply a user_data update; either by ignoring it or by replacing the entire server.",
    default: "REPLACE",
    updateAllowed: true,
    constraints: [{ allowedValues: ["REPLACE", "IGNORE", "REBUILD"] }],
  },
  user_data: {
    type: "string",
    description: "User data script to be executed by cloud-init or CoreOS ignition.",
    default: "",
    updateAllowed: true,
    takes: "script",
  },
  config_drive: { type: "boolean", description: "If True, enable config drive on the server." },
  admin_pass: { type: "string", description: "The administrator password for the server.", updateAllowed: true, takes: "secret" },
  tags: { type: "list", description: "Server tags.", updateAllowed: true },
};

/** OS::Nova::Server attributes. */
export const serverAttributes: Record<string, AttributeSchema> = {
  name: { description: "Name of the server.", type: "string" },
  addresses: {
    description: "A dict of all network addresses with corresponding port_id and subnets. Each network will have two keys in dict, they are network name and network id.",
    type: "map",
  },
  networks: {
    description: 'A dict of assigned network addresses of the form: {"public": [ip1, ip2...], "private": [ip3, ip4]}.',
    type: "map",
  },
  first_address: {
    description: "Convenience attribute to fetch the first assigned network address, or an empty string if nothing has been assigned at this time.",
    type: "string",
    produces: { kind: "ip" },
  },
  instance_name: { description: "AWS compatible instance name.", type: "string" },
  accessIPv4: { description: "The manually assigned alternative public IPv4 address of the server.", type: "string" },
  accessIPv6: { description: "The manually assigned alternative public IPv6 address of the server.", type: "string" },
  show: { description: "Detailed information about resource.", type: "map" },
};
