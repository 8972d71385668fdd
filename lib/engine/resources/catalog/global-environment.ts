/**
 * Heat's global environment (its environment.d, heat-environment.json) as the lowest layer of every
 * stack's resource_registry: type aliases (OS::Ceilometer::Alarm -> OS::Aodh::Alarm) and globs
 * (OS::Quantum* -> OS::Neutron*). Its provider-template entries (AWS::CloudWatch::Alarm,
 * AWS::RDS::DBInstance) are left out: those types are in the registry with Heat's schemas, and their
 * plugins (../aws/provider-types.ts) run Heat's templates as nested stacks, as Heat's entries do.
 */
import { heatEnvironment } from "./environment-data";

/** The global type mappings, in resource_registry spelling. */
export const GLOBAL_REGISTRY: Readonly<Record<string, string>> = Object.fromEntries(
  heatEnvironment.registry_aliases.filter((a) => a.kind !== "TemplateResourceInfo").map((a) => [a.name, a.target]),
);
