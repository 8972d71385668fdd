/**
 * Heat 19's resource catalogue as generated data (scripts/heat-catalog/dump.py writes heat-types.json
 * and heat-environment.json from real Heat): the shapes of those files, typed, and the service a type
 * belongs to. The JSON is Heat's own answer, so it doubles as the golden for every type's schema.
 * The environment's data is in environment-data.ts (the template compiler needs it without the types).
 */
import typesJson from "./heat-types.json";
import type { AttributeSchemaDoc, PropertySchemaDoc, ResourceTypeSchemaDoc, SupportStatusDoc } from "../type-schema";

export { heatEnvironment, type HeatEnvironmentFile } from "./environment-data";

/** One type of the catalogue: Heat's answer plus what the answer leaves out but templates still meet. */
export interface HeatCatalogEntry {
  /** Heat's answer; for a hidden type, the answer Heat builds once the type is unhidden. */
  show: ResourceTypeSchemaDoc;
  /** Set for hidden types: Heat refuses to show them (NotSupported) and leaves them out of the list. */
  show_error?: { class: string; message: string };
  /** HIDDEN top-level properties: not shown, still accepted (usually translated to their successor). */
  hidden_properties?: Record<string, PropertySchemaDoc>;
  /** implemented=False properties: not shown; setting one is an error in Heat. */
  unimplemented_properties?: Record<string, PropertySchemaDoc>;
  /** Non-SUPPORTED status of properties by dotted path ("*" for list items), nested ones included. */
  property_status?: Record<string, SupportStatusDoc>;
  /** HIDDEN attributes: not shown, still resolvable by get_attr. */
  hidden_attributes?: Record<string, AttributeSchemaDoc>;
  /** Non-SUPPORTED status of attributes. */
  attribute_status?: Record<string, SupportStatusDoc>;
  /**
   * The plugin resolves attribute names beyond its schema (its own get_attribute: None, software
   * deployments, groups, nested stacks): Heat's validation accepts any get_attr name on it. Absent: no.
   */
  open_attributes?: boolean;
  /** The plugin is Heat's NoneResource (None, and retired types Heat runs on it): it accepts any property. */
  open_properties?: boolean;
  /** Lifecycle actions the Heat plugin implements itself (create, update, delete, suspend, resume, check, signal ...). */
  handlers?: string[];
  /** Heat's client plugin for the type (nova, neutron, keystone ...), absent for pure-Heat types. */
  client?: string;
}

/** Header every generated file carries. */
export interface GeneratedHeader {
  generated_by: string;
  from: string;
  heat_version: string;
  content: string;
  note: string;
}

/** heat-types.json. */
export interface HeatTypesFile {
  generated: GeneratedHeader;
  /** Every class and template resource type Heat registers, hidden ones included, by name. */
  types: Record<string, HeatCatalogEntry>;
}

/** The generated type catalogue. */
export const heatTypes = typesJson as unknown as HeatTypesFile;

/** The catalogue's entry of a type; undefined for a type Heat does not have (inherited names such as "toString" included). */
export function heatEntry(type: string): HeatCatalogEntry | undefined {
  return Object.hasOwn(heatTypes.types, type) ? heatTypes.types[type] : undefined;
}

/** The palette group of a type: "AWS" for AWS::*, else the service segment (OS::Neutron::Port -> "Neutron"). */
export function serviceOf(type: string): string {
  const [vendor, service] = type.split("::");
  return vendor === "AWS" ? "AWS" : (service ?? vendor);
}
