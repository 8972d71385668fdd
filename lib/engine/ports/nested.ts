/**
 * The nested stacks port: how a plugin that owns child stacks (OS::Heat::Stack, groups, provider
 * templates) runs them. lib/engine/stack implements it with the engine's own lifecycle (nested.ts);
 * lib/engine/resources/testing-nested.ts fakes it in memory for plugin tests.
 */

/** The definition of a child stack a nested stack owner (OS::Heat::Stack, groups, provider templates) runs. */
export interface NestedStackInput {
  template: string;
  templateName?: string;
  files?: Record<string, string>;
  environment?: string;
  parameters?: Record<string, unknown>;
  /** Default region of the nested stack's resources; defaults to the owner's region. */
  region?: string;
  timeoutMins?: number;
}

/** What a plugin sees of a nested stack it owns. */
export interface NestedStackView {
  id: string;
  /** The nested stack's name (the engine chooses it, e.g. "<parent>-<resource>-<id>"). */
  name?: string;
  status: string; // e.g. CREATE_COMPLETE
  statusReason: string;
  /** The outputs' values, computed now from the nested resources' current state. */
  outputs: Record<string, unknown>;
  /** The outputs that could not be computed now (a region offline, say), with why: reading one fails with it. */
  outputErrors?: Record<string, string>;
  /** Reference ids (get_resource values) of the nested stack's resources. */
  resourceRefs: Record<string, string>;
  /** Attribute lookup on a nested resource (for groups: resource.N.attr). */
  attribute(resource: string, name: string, path?: (string | number)[]): Promise<unknown>;
  /** The nested stack's current resources with their state (groups read member health and age from it). */
  resources?: NestedResourceInfo[];
}

/** One resource of a nested stack as its owner sees it (NestedStackView.resources). */
export interface NestedResourceInfo {
  name: string;
  type: string;
  /** e.g. CREATE_COMPLETE, CHECK_FAILED */
  status: string;
  /** The resource's reference id (its get_resource value). */
  ref: string;
  /** The stack the resource owns, for provider templates, groups and OS::Heat::Stack. */
  nestedStackId: string | null;
  unhealthy: boolean;
  createdAt: string;
  properties: Record<string, unknown>;
}

/** Nested stack operations provided by the engine to plugins. Each runs to completion or throws. */
export interface NestedStackOps {
  create(input: NestedStackInput): Promise<NestedStackView>;
  update(stackId: string, input: NestedStackInput): Promise<NestedStackView>;
  delete(stackId: string): Promise<void>;
  get(stackId: string): Promise<NestedStackView | undefined>;
  suspend(stackId: string): Promise<void>;
  resume(stackId: string): Promise<void>;
  check(stackId: string): Promise<void>;
  /**
   * Updates a stack to its current definition minus the named resources, which are deleted (running
   * their delete hooks, e.g. a SoftwareDeployment's DELETE action). FailoverPolicy quiesces with it.
   */
  removeResources?(stackId: string, names: string[]): Promise<void>;
}

/** The parent side of a nested stack run in a region this engine does not serve (recorded on the child). */
export interface NestedOwner {
  /** The parent stack's home region. */
  region: string;
  stackId: string;
  stackName: string;
  projectId: string;
  /** The owning resource's logical name and record id (the child's name comes from the id). */
  resource: string;
  resourceId: string;
  /** The parent stack's generation when the operation started. */
  generation: number;
}

/**
 * Nested stack operations for a region another service runs (lib/federation's remote Heat client):
 * undefined when `region` is served by this engine, so the child runs locally.
 */
export type RemoteNestedProvider = (region: string, owner: NestedOwner, hooks: RemoteNestedHooks) => NestedStackOps | undefined;

/** What the engine gives a remote NestedStackOps. */
export interface RemoteNestedHooks {
  /** Aborts with the parent operation. */
  signal: AbortSignal;
  /** Records the remote child's id on the owning resource as soon as it exists (so a failed child is still deleted with its owner). */
  created(childId: string): Promise<void>;
  /** The owning resource's data (the remote ops' own keys, e.g. the digest of what it last applied). */
  data: Readonly<Record<string, string>>;
  /** Stores one key of the owning resource's data. */
  remember(key: string, value: string): Promise<void>;
}
