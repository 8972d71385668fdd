/**
 * OS::Swift::Container as Heat's plugin shows it: the container is named by `name` (else a name made
 * from the stack and resource), its Ref is that name, and its URLs are those of the project's account
 * on the region's object store (RootURL the account, WebsiteURL the container, DomainName the host);
 * HeadContainer gives the headers a HEAD answers (counts, ACLs, metadata). The container itself is
 * kept as a placeholder object (Hearth's cloud stores no object data: it is always empty).
 */
import type { CloudObject } from "../../ports";
import { cloudCall } from "../support/cloud-errors";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { placeholderHandlers } from "../placeholder/placeholder";
import type { ResourceContext, ResourcePlugin } from "../types";

const TYPE = "OS::Swift::Container";
const base = placeholderHandlers(TYPE);

/** The container's name: the `name` property, else the one Heat makes. */
function containerName(ctx: ResourceContext): string {
  const name = ctx.properties.name;
  return typeof name === "string" && name !== "" ? name : physicalName(ctx);
}

/** The headers of a HEAD on the container. */
function headers(object: CloudObject): Record<string, string> {
  const p = object.properties;
  const meta = (key: string, prefix: string) =>
    Object.entries((p[key] as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [`${prefix}${k.toLowerCase()}`, String(v)]);
  return Object.fromEntries([
    ["x-container-object-count", "0"],
    ["x-container-bytes-used", "0"],
    ...(typeof p["X-Container-Read"] === "string" ? [["x-container-read", p["X-Container-Read"]]] : []),
    ...(typeof p["X-Container-Write"] === "string" ? [["x-container-write", p["X-Container-Write"]]] : []),
    ...meta("X-Container-Meta", "x-container-meta-"),
  ]);
}

/** The OS::Swift::Container plugin. */
export const swiftContainerResource: ResourcePlugin = defineResource({
  type: TYPE,
  handlers: {
    ...base,
    async create(ctx) {
      const name = containerName(ctx);
      const object = await cloudCall(`creating container ${name}`, ctx.region, () => ctx.cloud.objects.createObject({ kind: TYPE, name, properties: ctx.properties }));
      ctx.setPhysicalId(object.id);
      ctx.setData("container", object.name);
    },
    referenceId: (ctx) => ctx.data.container ?? ctx.physicalId,
    async attribute(ctx, name) {
      if (!ctx.physicalId) return null;
      const object = await ctx.cloud.objects.getObject(ctx.physicalId);
      const domain = `swift.${ctx.region.toLowerCase()}.hearth.test`;
      const root = `https://${domain}/v1/AUTH_${ctx.stack.projectId}`;
      const values: Record<string, unknown> = {
        DomainName: domain,
        RootURL: root,
        WebsiteURL: `${root}/${object.name}`,
        ObjectCount: 0,
        BytesUsed: 0,
        HeadContainer: headers(object),
      };
      return name in values ? values[name] : base.attribute!(ctx, name);
    },
  },
});
