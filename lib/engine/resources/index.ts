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
import { heatEntry, heatTypes } from "./catalog/heat-catalog";
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

/** Plugins by type; a type given twice is an error. */
function byType(plugins: readonly ResourcePlugin[]): Map<string, ResourcePlugin> {
  const map = new Map<string, ResourcePlugin>();
  for (const p of plugins) {
    if (map.has(p.type)) throw new Error(`Resource type ${p.type} is registered twice`);
    map.set(p.type, p);
  }
  return map;
}

/** The types a user may pick, sorted: HIDDEN types are left out. */
function listable(plugins: Iterable<ResourcePlugin>): ResourcePlugin[] {
  return [...plugins].filter((p) => p.supportStatus?.status !== "HIDDEN").sort((a, b) => a.type.localeCompare(b.type));
}

/** The hand-written plugins (hooks of their own, and Hearth's types) by type; one listed twice is an error at load. */
const handWritten = byType([...withHooks, ...hearthTypes]);

/** The placeholder plugins made so far, by type: each is made once, when first asked for. */
const placeholders = new Map<string, ResourcePlugin>();

/** The built-in plugin of a type: its hand-written one, else (a Heat type) the placeholder plugin, made on first use. */
function builtinPlugin(type: string): ResourcePlugin | undefined {
  const own = handWritten.get(type);
  if (own || !heatEntry(type)) return own;
  let plugin = placeholders.get(type);
  if (!plugin) placeholders.set(type, (plugin = placeholderPlugin(type)));
  return plugin;
}

let builtins: readonly ResourcePlugin[] | undefined;

/**
 * Every built-in plugin: each Heat type (hooks of its own, else the placeholder's) and Hearth's own
 * types. Made on the first call (the ~130 placeholder plugins convert Heat's schema of their type);
 * the same plugin objects as the default registry's.
 */
export function builtinPlugins(): readonly ResourcePlugin[] {
  return (builtins ??= [
    ...withHooks,
    ...hearthTypes,
    ...Object.keys(heatTypes.types)
      .filter((type) => !handWritten.has(type))
      .map((type) => builtinPlugin(type)!),
  ]);
}

/** A registry over `plugins` (none: the default registry); a type listed twice is an error. HIDDEN types are found, not listed. */
export function createRegistry(plugins?: readonly ResourcePlugin[]): TypeRegistry {
  if (!plugins) return defaultRegistry;
  const found = byType(plugins);
  const listed = listable(found.values());
  return { get: (type) => found.get(type), list: () => listed };
}

let builtinList: ResourcePlugin[] | undefined;

/**
 * The registry with every built-in type. Lazy: `get` makes a placeholder plugin when its type is
 * first asked for, and `list` makes them all once; so a command that runs a few types converts only
 * their schemas.
 */
export const defaultRegistry: TypeRegistry = {
  get: builtinPlugin,
  list: () => (builtinList ??= listable(builtinPlugins())),
};

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
