/**
 * AWS::CloudWatch::Alarm and AWS::RDS::DBInstance as Heat 19 runs them: its global environment
 * (environment.d/default.yaml) maps each onto one of its own provider templates
 * (/etc/heat/templates/AWS_*.yaml, kept in heat-environment.json), so the resource is a nested stack
 * of that template. An alarm is the template's OS::Aodh::Alarm (statistic and comparison mapped to
 * Aodh's, Dimensions to matching_metadata), which the HA monitor evaluates and which POSTs to its
 * AlarmActions (a ScalingPolicy's alarm_url); a DB instance is a security group, an instance and a
 * wait condition, with the instance's address and the port as `Endpoint.Address` / `Endpoint.Port`.
 * Properties go in as the template's parameters the way Heat's template resource passes them: a
 * list as a comma-delimited string, a list of maps in AWS's member form (".member.0.Name=x").
 * One deviation: Heat's DB template boots the image F19-x86_64-cfntools; a region without it (the
 * simulated DevStack regions have cirros, ubuntu, fedora) boots the DB server on its first image.
 */
import { parse, stringify } from "yaml";
import { heatEnvironment } from "../catalog/environment-data";
import { nestedOf, nestedStackHandlers, requireComplete } from "../heat/nested";
import { defineResource } from "../define";
import { type ResourceContext, type ResourcePlugin } from "../types";
import type { NestedStackInput } from "../../ports";

/** The provider template Heat's global environment names for `type`. */
function providerTemplate(type: string): { url: string; text: string } {
  const url = heatEnvironment.registry_aliases.find((a) => a.kind === "TemplateResourceInfo" && a.name === type)?.target;
  const text = url ? heatEnvironment.templates[url] : undefined;
  if (!url || text === undefined) throw new Error(`Heat's global environment has no provider template for ${type}`);
  return { url, text };
}

const scalar = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** One property as a template parameter: lists comma-delimited (maps as members), the rest as they are. */
function parameterValue(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length && value[0] && typeof value[0] === "object" && !Array.isArray(value[0])) {
    return value.flatMap((item, i) => Object.entries(item as Record<string, unknown>).map(([k, v]) => `.member.${i}.${k}=${scalar(v)}`)).join(",");
  }
  return value.map(scalar).join(",");
}

/** The parameters of the nested stack: every property that is set. */
export function providerParameters(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, parameterValue(v)]));
}

/** Adapts a provider template to the region it runs in (the text, or a changed copy). */
type Adapt = (ctx: ResourceContext, text: string) => Promise<string>;

/** A type Heat runs as its global provider template, adapted to the region by `adapt`. */
function globalProviderResource(type: string, expectedMs: number, adapt: Adapt = async (_ctx, text) => text): ResourcePlugin {
  const { url, text } = providerTemplate(type);
  const input = async (ctx: ResourceContext, props: Record<string, unknown>): Promise<NestedStackInput> => ({
    template: await adapt(ctx, text),
    templateName: url,
    parameters: providerParameters(props),
    region: ctx.region,
  });
  return defineResource({
    type,
    expectedMs,
    handlers: {
      async create(ctx) {
        const view = await ctx.nested.create(await input(ctx, ctx.properties));
        ctx.setPhysicalId(view.id);
        requireComplete(view);
      },
      async update(ctx, change) {
        if (!ctx.physicalId) throw new Error(`The nested stack of ${ctx.name} does not exist`);
        requireComplete(await ctx.nested.update(ctx.physicalId, await input(ctx, change.after)));
      },
      ...nestedStackHandlers,
      // the template's outputs are the attributes (Endpoint.Address, Endpoint.Port); `show` all of them
      async attribute(ctx, name) {
        const view = await nestedOf(ctx);
        if (!view) return null;
        const error = view.outputErrors?.[name];
        if (error !== undefined) throw new Error(error);
        return name === "show" ? view.outputs : (view.outputs[name] ?? null);
      },
    },
  });
}

/** The AWS::CloudWatch::Alarm plugin (Heat's AWS_CloudWatch_Alarm.yaml: an OS::Aodh::Alarm). */
export const cloudWatchAlarmResource = globalProviderResource("AWS::CloudWatch::Alarm", 5_000);

/** The DB template with its server on an image the region has: Heat's own when there, else the region's first. */
async function onRegionImage(ctx: ResourceContext, text: string): Promise<string> {
  const template = parse(text) as { Resources: { DatabaseInstance: { Properties: { ImageId: string } } } };
  const server = template.Resources.DatabaseInstance.Properties;
  const images = await ctx.cloud.compute.images();
  if (!images.length || images.some((i) => i.name === server.ImageId || i.id === server.ImageId)) return text;
  ctx.note(`Image ${server.ImageId} is not in region ${ctx.region}: the DB server boots ${images[0].name}`);
  server.ImageId = images[0].name;
  return stringify(template);
}

/** The AWS::RDS::DBInstance plugin (Heat's AWS_RDS_DBInstance.yaml: a MySQL server with its security group). */
export const rdsDbInstanceResource = globalProviderResource("AWS::RDS::DBInstance", 300_000, onRegionImage);
