/**
 * The resource plugin contract. A plugin is a declarative schema plus lifecycle hooks in Heat's
 * "start, then poll" shape: `create` starts the work and returns a token, `checkCreateComplete`
 * is polled with it until it returns true (same for update, delete, suspend, resume, check).
 * The schema is the single source of truth for the designer palette, the inspector forms,
 * editor completions, `GET /resource_types` and the docs.
 */
import type { IdentityClient, NestedStackOps, RegionClient } from "../ports";

/** Property and parameter value types, as Heat names them. */
export type PropertyType = "string" | "integer" | "number" | "boolean" | "list" | "map" | "any";

/** A constraint on a property value; `description` overrides the default message. */
export type PropertyConstraint =
  | { length: { min?: number; max?: number }; description?: string }
  | { range: { min?: number; max?: number }; description?: string }
  | { modulo: { step: number; offset: number }; description?: string }
  | { allowedValues: unknown[]; description?: string }
  | { allowedPattern: string; description?: string }
  | { customConstraint: string; description?: string };

/**
 * Kinds of value a resource produces as an attribute and a property of another resource may take
 * (the designer writes get_attr for them): an IP address, a secret, a script, a URL.
 */
export type ValueKind = "ip" | "secret" | "script" | "url";

/** Schema of one property (or of a list item / map entry, recursively). */
export interface PropertySchema {
  type: PropertyType;
  description?: string;
  required?: boolean;
  default?: unknown;
  /** Heat's update_allowed: a change is applied in place; otherwise a change replaces the resource. */
  updateAllowed?: boolean;
  /** Heat's immutable: a change is refused at update. */
  immutable?: boolean;
  constraints?: PropertyConstraint[];
  /** For map properties: the schema of known keys. */
  schema?: Record<string, PropertySchema>;
  /** For list properties: the schema of each item. */
  items?: PropertySchema;
  /**
   * Region rule for references (get_resource / get_attr) found in this property's value:
   * "same" means the referenced resource must be in the same region as this resource,
   * which validation checks before anything is allocated. Absent means references may cross regions.
   */
  region?: "same";
  /** Resource types this property usually references, so the designer can write edges into it. */
  references?: string[];
  /**
   * The kind of value this property wants from another resource's attribute (a server's address in
   * fixed_ip_address, a random string in admin_pass), so the designer can write get_attr into it.
   */
  takes?: ValueKind;
  /**
   * Heat's HIDDEN property: accepted in templates (usually translated to its successor, `translateTo`),
   * left out of `GET /resource_types` and the designer's inspector.
   */
  hidden?: boolean;
  /** A hidden property Heat translates (its translation rules): its value moves to this property. */
  translateTo?: string;
  /** false for Heat's not-implemented properties: setting one is refused ("not implemented yet"). */
  implemented?: false;
  /** Heat's support status of the property when it is not plainly SUPPORTED (deprecated, hidden ...). */
  status?: SupportStatus;
  /**
   * A Hearth extension, with what it adds: a property Heat lacks, or a Heat property Hearth relaxes
   * (`heat` then keeps Heat's own schema). Heat-compatible answers show Heat's schema only.
   */
  extension?: string;
  /** Heat's schema of a property Hearth extends (see `extension`). */
  heat?: PropertySchema;
}

/** Schema of one attribute (get_attr). */
export interface AttributeSchema {
  /** Absent when Heat gives none (a template resource's outputs). */
  description?: string;
  type?: PropertyType;
  /** Heat's HIDDEN attribute: resolvable by get_attr, not shown. */
  hidden?: boolean;
  /** Heat's support status of the attribute when it is not plainly SUPPORTED. */
  status?: SupportStatus;
  /** A Hearth extension (an attribute Heat lacks), with what it gives; Heat-compatible answers leave it out. */
  extension?: string;
  /**
   * The kind of value this attribute gives to properties that take one (PropertySchema.takes), and
   * the rest of the get_attr path that reaches it (a port's fixed_ips: [0, "ip_address"]).
   */
  produces?: { kind: ValueKind; path?: (string | number)[] };
}

/** Heat's support statuses (heat.engine.support.SUPPORT_STATUSES). */
export type SupportStatusName = "UNKNOWN" | "SUPPORTED" | "DEPRECATED" | "UNSUPPORTED" | "HIDDEN";

/**
 * Heat's support status of a type, property or attribute: a HIDDEN type is usable in templates but
 * neither listed nor shown; `version` is the Heat release the status holds from ("5.0.0").
 */
export interface SupportStatus {
  status: SupportStatusName;
  message: string | null;
  version: string | null;
  previousStatus: SupportStatus | null;
}

/** What an update of a resource is asked to do. */
export interface PropertyChange {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** Names of top-level properties whose value changed. */
  changed: string[];
}

/** Everything a lifecycle hook may use. Plugins never import clouds or stores directly. */
export interface ResourceContext {
  stack: { id: string; name: string; projectId: string; region: string };
  /** Logical name in the template. */
  name: string;
  type: string;
  /** The region this resource lives in. */
  region: string;
  /** Resolved properties, defaults applied. */
  properties: Record<string, unknown>;
  /** Physical id once set (by create, or an earlier run). */
  physicalId: string | undefined;
  setPhysicalId(id: string): void;
  /** Small persistent key/value data kept with the resource (Heat's resource data). */
  data: Record<string, string>;
  setData(key: string, value: string | undefined): void;
  /** Raw resource metadata from the template (resolved). */
  metadata: Record<string, unknown>;
  /** Cloud client for this resource's region. */
  cloud: RegionClient;
  /** Client for another region (for resources that span regions, e.g. remote stacks). */
  cloudFor(region: string): RegionClient;
  nested: NestedStackOps;
  /** Cancelled when the operation is cancelled or times out. */
  abort: AbortSignal;
  /** Deterministic randomness (seeded in tests). */
  random(): number;
  /** Current time in ms, from the engine's clock. */
  now(): number;
  /** Waits on the engine's clock (rejects when `abort` fires); absent in harnesses without a clock. */
  sleep?(ms: number): Promise<void>;
  /**
   * Waits until no operation holds the stack `stackId` (its lease released or expired: see the
   * StackBusy error) or the engine's clock reaches `until`; rejects when `abort` fires. Absent in
   * harnesses without an engine.
   */
  untilStackFree?(stackId: string, until: number): Promise<void>;
  /** Adds a progress line to the resource's events (not a state change). */
  note(reason: string): void;
  /**
   * Another resource of the same stack, found by its reference id (its get_resource value), with its
   * current data; undefined when none matches. WaitCondition reads its handle's signals through it.
   */
  peer?(refId: string): Promise<PeerResource | undefined>;
  /**
   * Delivers a signal to another resource of the same stack, found by its reference id, as
   * engine.signal does (events included). Policies reach their group or failover policy with it.
   */
  signalPeer?(refId: string, details: unknown): Promise<void>;
  /**
   * A pre-signed URL that delivers a signal (`action`, e.g. "signal" or "alarm") to this resource when
   * POSTed to; undefined when the engine has no presigner (EngineOptions.presigner).
   */
  signalUrl?(action: string): string | undefined;
  /** The identity service, acting for the stack's project (OS::Keystone::*); undefined when the engine has none. */
  identity?: IdentityClient;
}

/** What a plugin may read of another resource of its stack (see ResourceContext.peer). */
export interface PeerResource {
  name: string;
  type: string;
  physicalId: string | undefined;
  data: Record<string, string>;
}

/** A token returned by a start hook and handed back to its check hook; plugins choose its shape. */
export type Token = unknown;

/** Lifecycle hooks; every one is optional except create. */
export interface ResourceHandlers {
  create(ctx: ResourceContext): Promise<Token>;
  checkCreateComplete?(ctx: ResourceContext, token: Token): Promise<boolean>;
  /** In-place update of the properties marked updateAllowed. Absent means every change replaces. */
  update?(ctx: ResourceContext, change: PropertyChange): Promise<Token>;
  checkUpdateComplete?(ctx: ResourceContext, token: Token): Promise<boolean>;
  /**
   * Heat's needs_replace_with_prop_diff: return true to replace although every changed property is
   * updateAllowed (TestResource's update_replace, a Stack moving to another region).
   */
  needsReplace?(change: PropertyChange): boolean;
  /**
   * Heat's prepare_for_replace: run on the old copy before a make-before-break replacement is created,
   * to free what the new copy must take over (a server's pre-created ports). Idempotent: an engine
   * taking over a crashed update may run it again after it already freed them.
   */
  prepareForReplace?(ctx: ResourceContext): Promise<void>;
  /**
   * Heat's restore_prev_rsrc: run on the old copy when a rollback swaps it back in after its
   * replacement failed, to take back what prepareForReplace freed; `replacementId` is the failed
   * copy's physical id (which may hold it now). Idempotent like prepareForReplace.
   */
  restoreAfterFailedReplace?(ctx: ResourceContext, replacementId: string | undefined): Promise<void>;
  delete?(ctx: ResourceContext): Promise<Token>;
  checkDeleteComplete?(ctx: ResourceContext, token: Token): Promise<boolean>;
  suspend?(ctx: ResourceContext): Promise<Token>;
  checkSuspendComplete?(ctx: ResourceContext, token: Token): Promise<boolean>;
  resume?(ctx: ResourceContext): Promise<Token>;
  checkResumeComplete?(ctx: ResourceContext, token: Token): Promise<boolean>;
  /** CHECK action: verify the physical resource still exists and is healthy; throw if not. */
  check?(ctx: ResourceContext): Promise<void>;
  /** A signal (WaitCondition, ScalingPolicy, SoftwareDeployment, alarms). */
  signal?(ctx: ResourceContext, details: unknown): Promise<void>;
  /** Value of an attribute. `path` is the rest of a get_attr path. */
  attribute?(ctx: ResourceContext, name: string): Promise<unknown>;
  /**
   * Value of get_attr with the rest of its path, for types whose attributes take arguments
   * (ResourceGroup's `resource.0` + `name`, `attributes` + `name`). When present the engine calls it
   * instead of `attribute` and applies no path itself.
   */
  attributeAt?(ctx: ResourceContext, name: string, path: (string | number)[]): Promise<unknown>;
  /**
   * Metadata the resource keeps itself, from its data (Heat's metadata_set: a wait condition handle's
   * signals, a scaling resource's cooldown); shown over the template's resolved `metadata` section.
   */
  metadata?(ctx: ResourceContext): Record<string, unknown>;
  /** Value of get_resource; defaults to the physical id. */
  referenceId?(ctx: ResourceContext): string | undefined;
  /** Extra validation once properties are resolved at create/update time. Throw to refuse. */
  validate?(properties: Record<string, unknown>): void;
}

/** A resource type: schema plus hooks. */
export interface ResourcePlugin {
  type: string;
  description: string;
  /** Palette group in the designer: Heat, Nova, Cinder, Neutron, Aodh. */
  service: string;
  /** Absent: SUPPORTED, as Heat's default. */
  supportStatus?: SupportStatus;
  properties: Record<string, PropertySchema>;
  attributes: Record<string, AttributeSchema>;
  handlers: ResourceHandlers;
  /**
   * Accepts properties not in `properties` (OS::Heat::None): validation skips the unknown-property check,
   * and a change to such a property is an in-place update (calls `update`), never a replacement.
   */
  openProperties?: boolean;
  /**
   * Resolves attribute names beyond `attributes` (Heat's own get_attribute: None, software deployments
   * whose config declares outputs, groups, nested stacks): validation accepts any get_attr name on it.
   */
  openAttributes?: boolean;
  /** Replacement order on update: create the new resource before deleting the old (default true). */
  replaceCreateFirst?: boolean;
  /**
   * How long one action of this type (create, update, delete, ...) usually takes at most, in ms
   * (default DEFAULT_EXPECTED_MS); the console says a stack is stuck on a resource in progress longer.
   */
  expectedMs?: number;
  /** For group types (AutoScalingGroup, ResourceGroup): how others read the group's members. */
  group?: GroupReader;
  /**
   * For group types: the most members `properties` ask for and the property that says so (a
   * ResourceGroup's count, an AutoScalingGroup's max_size); undefined when no such property is known.
   * Validation passes only the values known before create (literals, parameters) and refuses a group
   * that would take its stack over max_resources_per_stack; throwing counts as unknown.
   */
  memberCount?(properties: Record<string, unknown>): MemberCount | undefined;
  /** For types that keep one member of a group active (FailoverPolicy): which group and which member. */
  activeMember?: ActiveMemberReader;
  /**
   * Heat's add_dependencies: dependencies on other resources of the template that no property
   * reference states (a port waits for every subnet of its network). The template compiler adds them
   * to the dependency graph, so such a resource is created after them and deleted before them.
   */
  implicitDependencies?: ImplicitDependencies;
}

/** A plugin's implicit-dependency rule (see ResourcePlugin.implicitDependencies). */
export interface ImplicitDependencies {
  /** The types of the resources the rule may depend on (Heat's has_interface), e.g. OS::Neutron::Subnet. */
  on: readonly string[];
  /** Whether `self` must wait for `other` (a resource of one of the `on` types, in the same region). */
  needs(self: TemplateResource, other: TemplateResource, template: TemplateResources): boolean;
}

/**
 * A resource of the template being compiled, before anything exists: its properties with parameters
 * and functions evaluated and renamed properties translated. A get_resource reads as a token of its
 * target (the same target gives the same token, never equal to a literal), a get_attr as null (Heat's
 * None before create). Rules compare values with sameTemplateValue (neutron/implicit-dependencies.ts).
 */
export interface TemplateResource {
  name: string;
  /** The type after resource_registry mapping. */
  type: string;
  properties: Record<string, unknown>;
  /** The resources it depends on already: depends_on plus get_resource / get_attr references. */
  dependsOn: readonly string[];
}

/** The other resources of the template, for rules that look past the pair (a dependency's properties). */
export interface TemplateResources {
  /** The named resource; undefined when absent or its properties cannot be evaluated yet. */
  get(name: string): TemplateResource | undefined;
}

/** How long an action of a type that declares no `expectedMs` usually takes at most (30 s). */
export const DEFAULT_EXPECTED_MS = 30_000;

/** A stored resource as a plugin's public readers see it (a ResourceRecord fits). */
export interface StoredResource {
  properties: Record<string, unknown>;
  data: Record<string, string>;
}

/** The public reading of a group's members, so no one outside the plugin parses its private data. */
export interface GroupReader {
  /** Member names in the group's order (an AutoScalingGroup's oldest first). */
  members(resource: StoredResource): string[];
}

/** How many members a group's properties ask for, and the property that gives the number. */
export interface MemberCount {
  members: number;
  property: string;
}

/** The public reading of a resource that keeps one member of a group active. */
export interface ActiveMemberReader {
  /** The reference id (get_resource value) of the group it watches; undefined when unset. */
  group(resource: StoredResource): string | undefined;
  /** The active member's name; undefined until one is chosen. */
  active(resource: StoredResource): string | undefined;
}

/** Lookup of resource types by name; lib/engine/resources/index.ts builds the default one. */
export interface TypeRegistry {
  /** The type's plugin, HIDDEN types included (templates may still use them, as in Heat). */
  get(type: string): ResourcePlugin | undefined;
  /** Every type a user may pick, sorted: HIDDEN types are left out, as Heat lists them. */
  list(): ResourcePlugin[];
}
