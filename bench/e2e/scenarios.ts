/**
 * The end-to-end benchmark's stacks and Heat's figures for them (issue 12: real Heat 19 on this
 * machine, its best path, whole processes, interleaved runs): flat stacks of OS::Heat::None and a
 * chain of 10 layers, each created and then deleted.
 */

/** One stack shape: `layers` x `width` OS::Heat::None, each depending on the same column of the layer before. */
export interface Shape {
  label: string;
  layers: number;
  width: number;
}

/** The seconds Heat 19 took, by "<shape label> <action>". */
export const HEAT_SECONDS: Readonly<Record<string, number>> = {
  "flat 100 create": 2.96,
  "flat 1000 create": 24.6,
  "chain 10x100 create": 31.6,
  "flat 1000 delete": 11.2,
  "flat 5000 create": 248,
};

/** A flat stack of `n`. */
export const flat = (n: number): Shape => ({ label: `flat ${n}`, layers: 1, width: n });

/** `layers` chained layers of `width`. */
export const chain = (layers: number, width: number): Shape => ({ label: `chain ${layers}x${width}`, layers, width });

/** The shapes of the Heat comparison (tiny: one small one, to see that every path still runs). */
export function comparisonShapes(tiny: boolean): Shape[] {
  return tiny ? [chain(2, 10)] : [flat(100), flat(1000), chain(10, 100), flat(5000)];
}

/** The sizes of the memory table (peak RSS must grow linearly). */
export function memorySizes(tiny: boolean): number[] {
  return tiny ? [20] : [1000, 2000, 5000];
}

/** The resources of a shape as a template's `resources` section. */
export function shapeResources(shape: Shape): Record<string, { type: string; depends_on?: string[] }> {
  const resources: Record<string, { type: string; depends_on?: string[] }> = {};
  for (let l = 0; l < shape.layers; l++) {
    for (let w = 0; w < shape.width; w++) resources[`r${l}_${w}`] = { type: "OS::Heat::None", ...(l ? { depends_on: [`r${l - 1}_${w}`] } : {}) };
  }
  return resources;
}

/** The HOT template of a shape, as YAML a user would write. */
export function shapeTemplate(shape: Shape): string {
  const lines = ["heat_template_version: 2018-08-31", `description: bench ${shape.label}`, "resources:"];
  for (const [name, r] of Object.entries(shapeResources(shape))) {
    lines.push(`  ${name}:`, `    type: ${r.type}`);
    if (r.depends_on) lines.push(`    depends_on: [${r.depends_on.join(", ")}]`);
  }
  return lines.join("\n") + "\n";
}

/** Environment every end-to-end path runs Hearth with: no demo stacks, a known admin password, no per-stack cap (Heat's 1000 was raised for its 5000 run too). */
export function benchEnvironment(databaseUrl: string, adminPassword: string): Record<string, string> {
  return { DATABASE_URL: databaseUrl, HEARTH_DEMO: "0", HEARTH_BOOTSTRAP_PASSWORD: adminPassword, HEARTH_MAX_RESOURCES_PER_STACK: "-1", CHECKPOINT_DISABLE: "1" };
}
