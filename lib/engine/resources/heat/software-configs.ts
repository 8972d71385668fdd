/**
 * The other software-config types, stored as OS::Heat::SoftwareConfig stores its definition (so any
 * deployment reads them alike): StructuredConfig (a structure whose `get_input` calls a
 * StructuredDeployment fills in), CloudConfig (a `#cloud-config` document), MultipartMime (a MIME
 * multipart message of configs, by id or literal) and SoftwareComponent (one config per lifecycle
 * action, group "component"). Like every config they are immutable: any change replaces them.
 */
import { stringify } from "yaml";
import { optList, optMap, optString } from "../support/props";
import { randomUuid } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext, type ResourceHandlers } from "../types";
import { readStoredConfig, type StoredConfig } from "./software-config";

/** Hooks of a config type whose definition `build` makes from its properties. */
function configHandlers(build: (ctx: ResourceContext) => Promise<StoredConfig> | StoredConfig): ResourceHandlers {
  return {
    async create(ctx) {
      ctx.setData("config", JSON.stringify(await build(ctx)));
      ctx.setPhysicalId(randomUuid(ctx));
    },
    async attribute(ctx, name) {
      if (name !== "config") return undefined;
      return readStoredConfig(ctx.data)?.config ?? null;
    },
  };
}

/** group, inputs, outputs and options, as SoftwareConfig reads them. */
function common(ctx: ResourceContext, group?: string): Omit<StoredConfig, "config"> {
  const p = ctx.properties;
  return { group: group ?? optString(p, "group") ?? "Heat::Ungrouped", options: optMap(p, "options"), inputs: optList(p, "inputs"), outputs: optList(p, "outputs") };
}

/** OS::Heat::StructuredConfig: a map config; get_input calls in it are filled by a StructuredDeployment. */
export const structuredConfigResource = defineResource({
  type: "OS::Heat::StructuredConfig",
  handlers: configHandlers((ctx) => ({ ...common(ctx), config: optMap(ctx.properties, "config") })),
});

/** The document Heat makes of a cloud_config map. */
export function cloudConfigText(cloudConfig: Record<string, unknown>): string {
  return `#cloud-config\n${stringify(cloudConfig)}`;
}

/** OS::Heat::CloudConfig: a cloud-init `#cloud-config` document. */
export const cloudConfigResource = defineResource({
  type: "OS::Heat::CloudConfig",
  handlers: configHandlers((ctx) => ({ ...common(ctx), config: cloudConfigText(optMap(ctx.properties, "cloud_config")) })),
});

const BOUNDARY = "===============hearth-multipart==";

/** The MIME multipart message of text parts, each with its file name and subtype. */
export function multipartText(parts: { text: string; filename?: string; subtype: string }[]): string {
  const lines = [`Content-Type: multipart/mixed; boundary="${BOUNDARY}"`, "MIME-Version: 1.0", ""];
  for (const part of parts) {
    lines.push(`--${BOUNDARY}`, `Content-Type: text/${part.subtype}; charset="utf-8"`, "MIME-Version: 1.0", "Content-Transfer-Encoding: 7bit");
    if (part.filename) lines.push(`Content-Disposition: attachment; filename="${part.filename}"`);
    lines.push("", part.text);
  }
  lines.push(`--${BOUNDARY}--`, "");
  return lines.join("\n");
}

/** OS::Heat::MultipartMime: the parts' configs (a config id reads that config's text) in one message. */
export const multipartMimeResource = defineResource({
  type: "OS::Heat::MultipartMime",
  handlers: configHandlers(async (ctx) => {
    const parts = [];
    for (const part of optList<Record<string, unknown>>(ctx.properties, "parts")) {
      const ref = String(part.config ?? "");
      const peer = ctx.peer ? await ctx.peer(ref) : undefined;
      const stored = peer ? readStoredConfig(peer.data) : undefined;
      const text = stored ? (typeof stored.config === "string" ? stored.config : JSON.stringify(stored.config)) : ref;
      const filename = typeof part.filename === "string" ? part.filename : undefined;
      // Heat's quirk: without a subtype, the file name less its extension is the subtype
      const subtype = typeof part.subtype === "string" && part.subtype ? part.subtype : filename?.replace(/\.[^.]*$/, "") ?? "";
      parts.push({ text, filename, subtype });
    }
    return { ...common(ctx), config: multipartText(parts) };
  }),
});

/** OS::Heat::SoftwareComponent: a config per set of actions; a deployment runs the one of its action with its tool. */
export const softwareComponentResource = defineResource({
  type: "OS::Heat::SoftwareComponent",
  handlers: configHandlers((ctx) => ({ ...common(ctx, "component"), config: optList(ctx.properties, "configs") })),
});
