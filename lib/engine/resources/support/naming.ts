/** Physical names for cloud objects, as Heat builds them: "<stack>-<resource>-<12 random chars>". */
import type { ResourceContext } from "../types";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A random lowercase alphanumeric id of `length` characters drawn from ctx.random. */
export function shortId(ctx: Pick<ResourceContext, "random">, length = 12): string {
  let id = "";
  for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(ctx.random() * ALPHABET.length)];
  return id;
}

/** Heat's physical_resource_name: stack name, resource name and a short random id, at most 255 chars. */
export function physicalName(ctx: Pick<ResourceContext, "random" | "stack" | "name">): string {
  const suffix = shortId(ctx);
  const prefix = `${ctx.stack.name}-${ctx.name}`.slice(0, 255 - suffix.length - 1);
  return `${prefix}-${suffix}`;
}

const HEX_DIGITS = "0123456789abcdef";

/** A version-4 style UUID drawn from ctx.random (deterministic in tests, unlike crypto.randomUUID). */
export function randomUuid(ctx: Pick<ResourceContext, "random">): string {
  // a plain loop: Array.from with toString per digit was 10 ms of a cold create of 1000 (same digits)
  const hex = (n: number) => {
    let digits = "";
    for (let i = 0; i < n; i++) digits += HEX_DIGITS[Math.floor(ctx.random() * 16)];
    return digits;
  };
  const variant = (8 + Math.floor(ctx.random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
