/**
 * Placeholder objects: what a resource type leaves in the cloud when the cloud has no model of its own
 * for it yet (a Keystone role, a Swift container, an Octavia listener ...). One generic kind for every
 * such type, so each Heat type creates, updates, suspends, resumes, checks and deletes something real,
 * region- and project-scoped like every other cloud object, without a hand-written model per type.
 */

/** The states a placeholder object can be in. */
export type CloudObjectStatus = "ACTIVE" | "SUSPENDED";

/** A placeholder object as the cloud shows it. */
export interface CloudObject {
  id: string;
  /** The resource type it stands for ("OS::Keystone::Role"). */
  kind: string;
  name: string;
  region: string;
  status: CloudObjectStatus;
  /** The properties it was created or last updated with. */
  properties: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** What creates a placeholder object. */
export interface CloudObjectSpec {
  kind: string;
  name: string;
  properties: Record<string, unknown>;
}

/** The placeholder objects of one region. */
export interface ObjectClient {
  createObject(spec: CloudObjectSpec): Promise<CloudObject>;
  /** NotFound when it does not exist (or belongs to another project). */
  getObject(id: string): Promise<CloudObject>;
  /** Every object the caller may see, oldest first; only those of `kind` when given. */
  listObjects(kind?: string): Promise<CloudObject[]>;
  /** Replaces its properties (an in-place update). */
  updateObject(id: string, properties: Record<string, unknown>): Promise<CloudObject>;
  /** Suspends or resumes it; Conflict when it is already in that state. */
  setObjectStatus(id: string, status: CloudObjectStatus): Promise<CloudObject>;
  deleteObject(id: string): Promise<void>;
}
