/**
 * Typed readers for resolved property values. The compiler has already checked types against the
 * schema, so these only narrow `unknown` and treat null as absent (as Heat does for unset values).
 */

/** A string property, or undefined when unset. Numbers are accepted and stringified. */
export function optString(props: Record<string, unknown>, name: string): string | undefined {
  const v = props[name];
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : String(v);
}

/** A required string property; throws naming the property when it is missing or empty. */
export function reqString(props: Record<string, unknown>, name: string): string {
  const v = optString(props, name);
  if (v === undefined || v === "") throw new Error(`Property ${name} not assigned`);
  return v;
}

/** A numeric property (numeric strings accepted), or undefined when unset. */
export function optNumber(props: Record<string, unknown>, name: string): number | undefined {
  const v = props[name];
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(v);
  if (Number.isNaN(n)) throw new Error(`Property ${name}: "${String(v)}" is not a number`);
  return n;
}

/** A boolean property (Heat's "true"/"false"/"on"/"off"/"yes"/"no"/"1"/"0" strings accepted). */
export function optBool(props: Record<string, unknown>, name: string): boolean | undefined {
  const v = props[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  const s = String(v).toLowerCase();
  if (["true", "on", "yes", "y", "t", "1"].includes(s)) return true;
  if (["false", "off", "no", "n", "f", "0"].includes(s)) return false;
  throw new Error(`Property ${name}: "${String(v)}" is not a boolean`);
}

/** A list property, or [] when unset. */
export function optList<T = unknown>(props: Record<string, unknown>, name: string): T[] {
  const v = props[name];
  return Array.isArray(v) ? (v as T[]) : [];
}

/** A map property, or {} when unset. */
export function optMap(props: Record<string, unknown>, name: string): Record<string, unknown> {
  const v = props[name];
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A map property with every value as a string (Nova and Cinder metadata). */
export function stringMap(props: Record<string, unknown>, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(optMap(props, name))) {
    out[k] = typeof v === "string" ? v : JSON.stringify(v);
  }
  return out;
}

/** Follows a get_attr path (map keys, list indexes) into a value; null when the path leads nowhere. */
export function selectPath(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return null;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v ?? null;
}
