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
