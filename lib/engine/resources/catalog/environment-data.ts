/**
 * Heat's default environment as generated data (heat-environment.json, written by
 * scripts/heat-catalog/dump.py): apart from heat-catalog.ts so that the template compiler, which
 * needs the global registry (global-environment.ts), does not load the 800 KB type catalogue.
 */
import environmentJson from "./heat-environment.json";
import type { GeneratedHeader } from "./heat-catalog";

/** heat-environment.json: Heat's default (global) environment. */
export interface HeatEnvironmentFile {
  generated: GeneratedHeader;
  /** environment.d files as Heat reads them (paths under file:///etc/heat/). */
  environment_d: Record<string, { resource_registry?: Record<string, string> }>;
  /** Registry entries that are not plugin classes: globs, type-to-type maps, provider templates. */
  registry_aliases: { name: string; kind: "GlobResourceInfo" | "MapResourceInfo" | "TemplateResourceInfo"; target: string }[];
  /** Provider templates the aliases name, by URL. */
  templates: Record<string, string>;
  /** Names of every custom constraint Heat registers (nova.flavor, ip_addr ...). */
  custom_constraints: string[];
}

/** The generated default environment. */
export const heatEnvironment = environmentJson as unknown as HeatEnvironmentFile;
