/**
 * OS::Heat::ResourceGroup: `count` identical resources (members "0".."N-1", index_var substituted) in a
 * nested stack; a count or definition change updates the nested stack. Attributes follow Heat: refs,
 * refs_map, removed_rsrc_list, resource.N[.attr], attributes + name, and any other name as the list of
 * that attribute over the members.
 */
import { selectPath } from "../support/props";
import { defineResource } from "../define";
import { type ResourceContext, type StoredResource } from "../types";
import type { NestedStackInput } from "../../ports";
import { groupAttribute, memberDefinitionSchema } from "./group-nested";
import { currentSkiplist, groupCount, memberNames, memberTemplate, nextSkiplist } from "./resource-group-members";
import { nestedOf, nestedStackHandlers, requireComplete } from "./nested";

/** Updates the stored skiplist from `props` and returns the nested stack input for the members. */
function prepare(ctx: ResourceContext, props: Record<string, unknown>, refs?: Record<string, string>): NestedStackInput {
  const skiplist = nextSkiplist(props, currentSkiplist(ctx.data), refs);
  ctx.setData("name_blacklist", skiplist.length ? skiplist.join(",") : undefined);
  const names = memberNames(groupCount(props), skiplist);
  return { template: memberTemplate(props, names), region: ctx.region };
}

/** The current members' names: `count` of "0", "1", ... minus the stored skiplist (the plugin's GroupReader). */
function currentMembers(resource: StoredResource): string[] {
  return memberNames(groupCount(resource.properties), currentSkiplist(resource.data));
}

async function groupAttributeOf(ctx: ResourceContext, key: string, path: (string | number)[]): Promise<unknown> {
  if (key === "removed_rsrc_list") return selectPath(currentSkiplist(ctx.data), path);
  return groupAttribute(await nestedOf(ctx), { group: ctx.name, names: currentMembers(ctx) }, key, path);
}

/** The OS::Heat::ResourceGroup plugin. */
export const resourceGroupResource = defineResource({
  type: "OS::Heat::ResourceGroup",
  expectedMs: 120_000, // waits for all its members
  group: { members: currentMembers },
  memberCount: (props) => (props.count === undefined ? undefined : { members: groupCount(props), property: "count" }),
  properties: {
    resource_def: memberDefinitionSchema(
      "Resource definition for the resources in the group. The value of this property is the definition " +
        "of a resource just as if it had been declared in the template itself.",
      "resources in the group",
    ),
  },
  handlers: {
    async create(ctx) {
      const view = await ctx.nested.create(prepare(ctx, ctx.properties));
      ctx.setPhysicalId(view.id);
      requireComplete(view);
    },
    async update(ctx, change) {
      const view = await nestedOf(ctx);
      if (!view) throw new Error(`The nested stack of ${ctx.name} does not exist`);
      requireComplete(await ctx.nested.update(view.id, prepare(ctx, change.after, view.resourceRefs)));
    },
    ...nestedStackHandlers,
    attributeAt: groupAttributeOf,
    attribute: (ctx, name) => groupAttributeOf(ctx, name, []),
  },
});
