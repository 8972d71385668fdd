/**
 * OS::Keystone::Domain, Service, Endpoint and Region as the identity service's catalogue records,
 * listed by the Keystone API (GET /identity/v3/domains, services, endpoints, regions). Each is made
 * from its properties (a name, else Heat's made name; a region's id, else a made one), changed in
 * place (fields merged, references resolved again), deleted with its resource; its `show` is the
 * record as Keystone shows it. An endpoint's service and region, and a region's parent, must exist
 * (by name or id), as Heat's keystone.service / keystone.region constraints require.
 */
import type { IdentityClient, IdentityRecordFields, IdentityRecordInfo, IdentityRecordKind } from "../../ports";
import { physicalName, randomUuid } from "../support/naming";
import { optBool, optString, reqString } from "../support/props";
import { defineResource } from "../define";
import { type ResourceContext, type ResourcePlugin } from "../types";
import { identityOf, objectHooks } from "./common";

/** What a type's properties make of its record: a name (none: named by its id) and the kind's fields (references resolved to ids). */
type RecordSpecOf = (ctx: ResourceContext, props: Record<string, unknown>, identity: IdentityClient) => Promise<{ name?: string; fields: IdentityRecordFields }>;

const enabled = (props: Record<string, unknown>) => optBool(props, "enabled") ?? true;
const nameOf = (ctx: ResourceContext, props: Record<string, unknown>) => optString(props, "name") || physicalName(ctx);
/** The id of the record `ref` names, or null when `ref` is unset. */
const idOf = async (identity: IdentityClient, kind: IdentityRecordKind, ref: string | undefined) => (ref ? (await identity.getRecord(kind, ref)).id : null);

/** A record type's plugin; `idFrom` picks the id of a record whose id the template chooses (a region's). */
function recordResource(type: string, kind: IdentityRecordKind, specOf: RecordSpecOf, idFrom?: (ctx: ResourceContext) => string): ResourcePlugin {
  const values = (record: IdentityRecordInfo) => ({ id: record.id, ...(idFrom ? {} : { name: record.name }), ...record.fields });
  return defineResource({
    type,
    handlers: {
      async create(ctx) {
        const identity = identityOf(ctx);
        const { name, fields } = await specOf(ctx, ctx.properties, identity);
        const id = idFrom?.(ctx);
        const record = await identity.createRecord(kind, { id, name: name ?? id ?? "", fields });
        ctx.setPhysicalId(record.id);
      },
      async update(ctx, change) {
        const identity = identityOf(ctx);
        const spec = await specOf(ctx, change.after, identity);
        await identity.updateRecord(kind, ctx.physicalId!, spec);
      },
      ...objectHooks((identity, id) => identity.getRecord(kind, id), (identity, id) => identity.deleteRecord(kind, id), values),
    },
  });
}

/** The OS::Keystone::Domain plugin (Hearth's users, projects and groups stay in the default domain). */
export const keystoneDomainResource = recordResource("OS::Keystone::Domain", "domain", async (ctx, p) => ({
  name: nameOf(ctx, p),
  fields: { description: optString(p, "description") ?? "", enabled: enabled(p) },
}));

/** The OS::Keystone::Service plugin. */
export const keystoneServiceResource = recordResource("OS::Keystone::Service", "service", async (ctx, p) => ({
  name: nameOf(ctx, p),
  fields: { type: reqString(p, "type"), description: optString(p, "description") ?? "", enabled: enabled(p) },
}));

/** The OS::Keystone::Endpoint plugin: a url of an existing service, in an existing region or none. */
export const keystoneEndpointResource = recordResource("OS::Keystone::Endpoint", "endpoint", async (ctx, p, identity) => {
  const region = await idOf(identity, "region", optString(p, "region"));
  return {
    name: nameOf(ctx, p),
    fields: {
      interface: reqString(p, "interface"),
      url: reqString(p, "url"),
      service_id: await idOf(identity, "service", reqString(p, "service")),
      region_id: region,
      region,
      enabled: enabled(p),
    },
  };
});

/** The OS::Keystone::Region plugin: its id is `id` (else a made one), fixed for its life (a new id replaces it). */
export const keystoneRegionResource = recordResource(
  "OS::Keystone::Region",
  "region",
  async (_ctx, p, identity) => ({
    fields: { description: optString(p, "description") ?? "", parent_region_id: await idOf(identity, "region", optString(p, "parent_region")), enabled: enabled(p) },
  }),
  (ctx) => optString(ctx.properties, "id") || randomUuid(ctx),
);
