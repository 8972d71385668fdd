/**
 * The resource type registry: every type of Heat 19's catalogue with Heat's own schema (generated data,
 * catalog/), run by a hand-written plugin where one is listed below, else by the generic placeholder
 * plugin; plus Hearth's own types. The schema rendering used by `GET /resource_types/{type}`, the
 * designer palette and the docs.
 */
import { alarmResource } from "./aodh/alarm";
import { volumeResource } from "./cinder/volume";
import { volumeAttachmentResource } from "./cinder/volume-attachment";
import { autoScalingGroupResource } from "./heat/autoscaling-group";
import { failoverPolicyResource } from "./heat/failover-policy";
import { noneResource } from "./heat/none";
import { randomStringResource } from "./heat/random-string";
import { resourceGroupResource } from "./heat/resource-group";
import { scalingPolicyResource } from "./heat/scaling-policy";
import { softwareConfigResource } from "./heat/software-config";
import { softwareDeploymentResource } from "./heat/software-deployment";
import { cloudConfigResource, multipartMimeResource, softwareComponentResource, structuredConfigResource } from "./heat/software-configs";
import {
  softwareDeploymentGroupResource,
  softwareDeploymentsResource,
  structuredDeploymentGroupResource,
  structuredDeploymentResource,
  structuredDeploymentsResource,
} from "./heat/deployment-group";
import { stackResource } from "./heat/stack";
import { testResource } from "./heat/test-resource";
import { valueResource } from "./heat/value";
import { waitConditionResource } from "./heat/wait-condition";
import { waitConditionHandleResource } from "./heat/wait-condition-handle";
import { floatingIpAssociationResource, floatingIpResource } from "./neutron/floating-ip";
import { routerGatewayResource, routerInterfaceResource, routerResource } from "./neutron/router";
import { securityGroupRuleResource } from "./neutron/security-group-rule";
import { trunkResource } from "./neutron/trunk";
import { ec2EipAssociationResource, ec2EipResource, ec2InstanceResource, ec2SecurityGroupResource } from "./aws/ec2";
import { cloudWatchAlarmResource, rdsDbInstanceResource } from "./aws/provider-types";
import { loadBalancerResources } from "./octavia/load-balancers";
import { swiftContainerResource } from "./swift/container";
import { keystoneProjectResource, keystoneRoleResource } from "./keystone/project";
import { keystoneUserResource } from "./keystone/user";
import { keystoneGroupResource } from "./keystone/group";
import { keystoneDomainResource, keystoneEndpointResource, keystoneRegionResource, keystoneServiceResource } from "./keystone/records";
import { keystoneGroupRoleAssignmentResource, keystoneUserRoleAssignmentResource } from "./keystone/assignment";
import { netResource } from "./neutron/net";
import { portResource } from "./neutron/port";
import { securityGroupResource } from "./neutron/security-group";
import { subnetResource } from "./neutron/subnet";
import { serverResource } from "./nova/server";
import { heatTypes } from "./catalog/heat-catalog";
import { placeholderPlugin } from "./placeholder/placeholder";
import { pluginSchemaDoc, type ResourceTypeSchemaDoc } from "./type-schema";
import type { ResourcePlugin, TypeRegistry } from "./types";

export type { ResourceTypeSchemaDoc, PropertySchemaDoc } from "./type-schema";

/**
 * Heat types with hooks of their own. Every other type of Heat's catalogue runs on the placeholder
 * plugin (placeholder/placeholder.ts); to give a type real semantics, write its plugin with
 * defineResource (hooks and Hearth's annotations only: the schema is Heat's) and add it here.
 */
const withHooks: readonly ResourcePlugin[] = [
  noneResource,
  testResource,
  randomStringResource,
  valueResource,
  stackResource,
  resourceGroupResource,
  autoScalingGroupResource,
  scalingPolicyResource,
  waitConditionHandleResource,
  waitConditionResource,
  softwareConfigResource,
  softwareDeploymentResource,
  structuredConfigResource,
  cloudConfigResource,
  multipartMimeResource,
  softwareComponentResource,
  structuredDeploymentResource,
  softwareDeploymentGroupResource,
  softwareDeploymentsResource,
  structuredDeploymentGroupResource,
  structuredDeploymentsResource,
  serverResource,
  volumeResource,
  volumeAttachmentResource,
  netResource,
  subnetResource,
  portResource,
  securityGroupResource,
  floatingIpResource,
  floatingIpAssociationResource,
  routerResource,
  routerInterfaceResource,
  routerGatewayResource,
  securityGroupRuleResource,
  trunkResource,
  ec2InstanceResource,
  ec2SecurityGroupResource,
  ec2EipResource,
  ec2EipAssociationResource,
  cloudWatchAlarmResource,
  rdsDbInstanceResource,
  ...loadBalancerResources,
  swiftContainerResource,
  keystoneProjectResource,
  keystoneRoleResource,
  keystoneUserResource,
  keystoneUserRoleAssignmentResource,
  keystoneGroupResource,
  keystoneGroupRoleAssignmentResource,
  keystoneDomainResource,
  keystoneServiceResource,
  keystoneEndpointResource,
  keystoneRegionResource,
  alarmResource,
];

/** Hearth's own types, beyond Heat's catalogue (documented extensions). */
const hearthTypes: readonly ResourcePlugin[] = [failoverPolicyResource];

for (const p of withHooks) if (!heatTypes.types[p.type]) throw new Error(`${p.type} is not a Heat type: list it with Hearth's own types`);
for (const p of hearthTypes) if (heatTypes.types[p.type]) throw new Error(`${p.type} is a Heat type: list it with the types that have hooks`);

/** Every built-in plugin: each Heat type (hooks of its own, else the placeholder's) and Hearth's own types. */
export const builtinPlugins: readonly ResourcePlugin[] = [
  ...withHooks,
  ...hearthTypes,
  ...Object.keys(heatTypes.types)
    .filter((type) => !withHooks.some((p) => p.type === type))
    .map(placeholderPlugin),
];

/** A registry over `plugins` (default: the built-ins); a type listed twice is an error. HIDDEN types are found, not listed. */
export function createRegistry(plugins: readonly ResourcePlugin[] = builtinPlugins): TypeRegistry {
  const byType = new Map<string, ResourcePlugin>();
  for (const p of plugins) {
    if (byType.has(p.type)) throw new Error(`Resource type ${p.type} is registered twice`);
    byType.set(p.type, p);
  }
  const listed = [...byType.values()].filter((p) => p.supportStatus?.status !== "HIDDEN").sort((a, b) => a.type.localeCompare(b.type));
  return { get: (type) => byType.get(type), list: () => listed };
}

/** The registry with every built-in type. */
export const defaultRegistry: TypeRegistry = createRegistry();

/** Why Heat refuses to show a type: unknown (NotFound), or HIDDEN (NotSupported); undefined when it shows it. */
export function resourceTypeRefusal(type: string, registry: TypeRegistry = defaultRegistry): { code: "NotFound" | "NotSupported"; message: string } | undefined {
  const plugin = registry.get(type);
  if (!plugin) return { code: "NotFound", message: `The Resource Type (${type}) could not be found.` };
  return plugin.supportStatus?.status === "HIDDEN" ? { code: "NotSupported", message: `${type} is not supported.` } : undefined;
}

/**
 * A type's schema as Heat's `GET /resource_types/{type}` renders it; undefined for an unknown type.
 * Pass a registry to look in another one than the default.
 */
export function resourceTypeSchema(type: string, registry: TypeRegistry = defaultRegistry): ResourceTypeSchemaDoc | undefined {
  const plugin = registry.get(type);
  return plugin ? pluginSchemaDoc(plugin) : undefined;
}
