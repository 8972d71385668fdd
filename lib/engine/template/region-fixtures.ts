/** Templates the region analysis' tests share (engine and API): kept once so both check the same tree. */

/**
 * A CFN child (AWS::CloudFormation::Stack's TemplateURL, or a provider template): a server with the
 * volume it is given (VolId) attached, unless Attach is "no"; the server as the Server output.
 */
export const CFN_VOLUME_CHILD = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  VolId: {Type: String}
  Attach: {Type: String, Default: "yes"}
Conditions:
  Attaching: {"Fn::Equals": [{Ref: Attach}, "yes"]}
Resources:
  server: {Type: OS::Nova::Server, Properties: {flavor: m1.small, image: cirros}}
  attach:
    Type: OS::Cinder::VolumeAttachment
    Condition: Attaching
    Properties: {instance_uuid: {Ref: server}, volume_id: {Ref: VolId}}
Outputs:
  Server: {Value: {Ref: server}}
`;
