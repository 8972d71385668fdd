/** Property and attribute schema of OS::Cinder::Volume, as Heat documents them (subset Hearth runs). */
import type { AttributeSchema, PropertySchema } from "../types";

/** OS::Cinder::Volume properties. */
export const volumeProperties: Record<string, PropertySchema> = {
  availability_zone: { type: "string", description: "The availability zone in which the volume will be created." },
  size: {
    type: "integer",
    description: "The size of the volume in GB. On update only increase in size is supported.",
    updateAllowed: true,
    constraints: [{ range: { min: 1 } }],
  },
  name: { type: "string", description: "A name used to distinguish the volume.", updateAllowed: true },
  description: { type: "string", description: "A description of the volume.", updateAllowed: true },
  volume_type: {
    type: "string",
    description: "If specified, the type of volume to use, mapping to a specific backend.",
    updateAllowed: true,
    constraints: [{ customConstraint: "cinder.vtype" }],
  },
  metadata: {
    type: "map",
    description: "Key/value pairs to associate with the volume.",
    updateAllowed: true,
    default: {},
  },
  image: {
    type: "string",
    description: "If specified, the name or ID of the image to create the volume from.",
    constraints: [{ customConstraint: "glance.image" }],
  },
  multiattach: { type: "boolean", description: "Whether allow the volume to be attached more than once.", default: false },
  read_only: {
    type: "boolean",
    description: "Enables or disables read-only access mode of volume.",
    updateAllowed: true,
  },
};

/** OS::Cinder::Volume attributes. */
export const volumeAttributes: Record<string, AttributeSchema> = {
  availability_zone: { description: "The availability zone in which the volume is located.", type: "string" },
  size: { description: "The size of the volume in GB.", type: "string" },
  snapshot_id: { description: "The snapshot the volume was created from, if any.", type: "string" },
  display_name: { description: "Name of the volume.", type: "string" },
  display_description: { description: "Description of the volume.", type: "string" },
  volume_type: { description: "The type of the volume mapping to a backend, if any.", type: "string" },
  metadata: { description: "Key/value pairs associated with the volume.", type: "string" },
  metadata_values: { description: "Key/value pairs associated with the volume in raw dict form.", type: "map" },
  source_volid: { description: "The volume used as source, if any.", type: "string" },
  status: { description: "The current status of the volume.", type: "string" },
  created_at: { description: "The timestamp indicating volume creation.", type: "string" },
  bootable: { description: "Boolean indicating if the volume can be booted or not.", type: "string" },
  encrypted: { description: "Boolean indicating if the volume is encrypted or not.", type: "string" },
  attachments: { description: "A string representation of the list of attachments of the volume.", type: "string" },
  attachments_list: { description: "The list of attachments of the volume.", type: "list" },
  multiattach: { description: "Boolean indicating whether allow the volume to be attached more than once.", type: "boolean" },
};
