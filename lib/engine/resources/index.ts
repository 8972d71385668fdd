/**
 * The explicit resource type registry: every built-in plugin, listed by hand (no discovery), plus the
 * schema rendering used by `GET /resource_types/{type}`, the designer palette and the docs.
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
import { stackResource } from "./heat/stack";
import { testResource } from "./heat/test-resource";
import { valueResource } from "./heat/value";
import { waitConditionResource } from "./heat/wait-condition";
import { waitConditionHandleResource } from "./heat/wait-condition-handle";
import { floatingIpAssociationResource, floatingIpResource } from "./neutron/floating-ip";
import { netResource } from "./neutron/net";
import { portResource } from "./neutron/port";
import { securityGroupResource } from "./neutron/security-group";
import { subnetResource } from "./neutron/subnet";
import { serverResource } from "./nova/server";
import { pluginSchemaDoc, type ResourceTypeSchemaDoc } from "./type-schema";
import type { ResourcePlugin, TypeRegistry } from "./types";

export type { ResourceTypeSchemaDoc, PropertySchemaDoc } from "./type-schema";

/** Every built-in plugin, in palette order. */
export const builtinPlugins: readonly ResourcePlugin[] = [
  noneResource,
  testResource,
  randomStringResource,
  valueResource,
  stackResource,
  resourceGroupResource,
  autoScalingGroupResource,
  scalingPolicyResource,
  failoverPolicyResource,
  waitConditionHandleResource,
  waitConditionResource,
  softwareConfigResource,
  softwareDeploymentResource,
  serverResource,
  volumeResource,
  volumeAttachmentResource,
  netResource,
  subnetResource,
  portResource,
  securityGroupResource,
  floatingIpResource,
  floatingIpAssociationResource,
  alarmResource,
];

/** A registry over `plugins` (default: the built-ins); a type listed twice is an error. */
export function createRegistry(plugins: readonly ResourcePlugin[] = builtinPlugins): TypeRegistry {
  const byType = new Map<string, ResourcePlugin>();
  for (const p of plugins) {
    if (byType.has(p.type)) throw new Error(`Resource type ${p.type} is registered twice`);
    byType.set(p.type, p);
  }
  const sorted = [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  return { get: (type) => byType.get(type), list: () => sorted };
}

/** The registry with every built-in type. */
export const defaultRegistry: TypeRegistry = createRegistry();

/**
 * A type's schema as Heat's `GET /resource_types/{type}` renders it; undefined for an unknown type.
 * Pass a registry to look in another one than the default.
 */
export function resourceTypeSchema(type: string, registry: TypeRegistry = defaultRegistry): ResourceTypeSchemaDoc | undefined {
  const plugin = registry.get(type);
  return plugin ? pluginSchemaDoc(plugin) : undefined;
}
