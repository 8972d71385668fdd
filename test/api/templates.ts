/** Templates the REST API tests create stacks from. */

/** Two test resources across two regions and an output. */
export const PAIR = `heat_template_version: 2018-08-31
description: A pair of test resources
parameters:
  greeting: { type: string, default: hello }
resources:
  first:
    type: OS::Heat::TestResource
    properties: { value: { get_param: greeting } }
  second:
    type: OS::Heat::TestResource
    region: RegionTwo
    properties: { value: { get_attr: [first, output] } }
outputs:
  said: { value: { get_attr: [second, output] }, description: what second stored }
`;

/** A stack that waits for one signal to its handle. */
export const WAITER = `heat_template_version: 2018-08-31
resources:
  handle:
    type: OS::Heat::WaitConditionHandle
  wait:
    type: OS::Heat::WaitCondition
    properties: { handle: { get_resource: handle }, count: 1, timeout: 600 }
outputs:
  data: { value: { get_attr: [wait, data] } }
`;

/**
 * A server with a volume attached and template metadata, a wait condition handle, and a group of
 * test resources (a nested stack): what abandon and adopt must carry over.
 */
export const KEEPER = `heat_template_version: 2018-08-31
resources:
  net:
    type: OS::Neutron::Net
  subnet:
    type: OS::Neutron::Subnet
    properties: { network: { get_resource: net }, cidr: 10.30.0.0/24 }
  server:
    type: OS::Nova::Server
    depends_on: subnet
    metadata:
      role: db
      stack: { get_param: "OS::stack_name" }
    properties: { flavor: m1.tiny, image: cirros, networks: [{ network: { get_resource: net } }] }
  volume:
    type: OS::Cinder::Volume
    properties: { size: 1 }
  attachment:
    type: OS::Cinder::VolumeAttachment
    properties: { instance_uuid: { get_resource: server }, volume_id: { get_resource: volume } }
  handle:
    type: OS::Heat::WaitConditionHandle
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: 2
      resource_def: { type: OS::Heat::TestResource, properties: { value: member } }
outputs:
  server_id: { value: { get_resource: server } }
`;
