/**
 * The parent's side of a resolution in its stored template: adopt rewrites one OS::Heat::Stack
 * resource's template and parameters properties to the child's; detach removes the resource (and the
 * outputs that read it), refusing when another resource refers to it. The template keeps its format
 * (JSON stays JSON, YAML stays YAML; YAML comments are not kept).
 */
import { parse, stringify } from "yaml";
import { conflict } from "../engine/errors";

type Doc = { resources?: Record<string, Record<string, unknown>>; outputs?: Record<string, unknown> };

/** Parses the stored template and writes it back in the same format after `edit`. */
function rewrite(template: string, edit: (doc: Doc) => void): string {
  const doc = (parse(template) ?? {}) as Doc;
  edit(doc);
  return template.trimStart().startsWith("{") ? JSON.stringify(doc) : stringify(doc);
}

/** Whether `value` (a template fragment) reads resource `name` with get_attr or get_resource. */
function refersTo(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((v) => refersTo(v, name));
  if (!value || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  if (record.get_resource === name) return true;
  if (Array.isArray(record.get_attr) && record.get_attr[0] === name) return true;
  return Object.values(record).some((v) => refersTo(v, name));
}

/** `template` with resource `name`'s properties template and parameters replaced. */
export function adoptIntoTemplate(template: string, name: string, childTemplate: string, parameters: Record<string, string>): string {
  return rewrite(template, (doc) => {
    const resource = doc.resources?.[name];
    if (!resource) throw conflict(`The stored template has no resource ${name} to adopt into`);
    resource.properties = { ...(resource.properties as Record<string, unknown> | undefined), template: childTemplate, parameters };
  });
}

/** `template` without resource `name` and the outputs that read it (their names in `droppedOutputs`). */
export function detachFromTemplate(template: string, name: string): { template: string; droppedOutputs: string[] } {
  const droppedOutputs: string[] = [];
  const text = rewrite(template, (doc) => {
    const resources = doc.resources ?? {};
    const dependents = Object.entries(resources).filter(([other, def]) => {
      if (other === name) return false;
      const dependsOn = ([] as unknown[]).concat(def.depends_on ?? []);
      return dependsOn.includes(name) || refersTo(def, name);
    });
    if (dependents.length) throw conflict(`Resource ${name} cannot be detached: ${dependents.map(([other]) => other).join(", ")} refer to it`);
    delete resources[name];
    for (const [key, output] of Object.entries(doc.outputs ?? {})) {
      if (!refersTo(output, name)) continue;
      droppedOutputs.push(key);
      delete doc.outputs![key];
    }
  });
  return { template: text, droppedOutputs };
}
