/**
 * Stateless seeded randomness for the simulated cloud. Everything random (ids, MAC addresses, latency
 * jitter, CPU noise) is a hash of a seed and a key, so the same seed and the same operations give the
 * same cloud, and nothing but a counter has to be persisted.
 */

/** A 32-bit hash of a string (FNV-1a, finished with murmur3's avalanche step). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) determined by the parts (typically a seed and a key). */
export function unitHash(...parts: (string | number)[]): number {
  return hash32(parts.join("\u0000")) / 0x1_0000_0000;
}

function hex32(key: string, salt: number): string {
  return hash32(`${key}#${salt}`).toString(16).padStart(8, "0");
}

/** A version-4-shaped UUID derived from a key. */
export function uuidFromKey(key: string): string {
  const hex = [0, 1, 2, 3].map((salt) => hex32(key, salt)).join("");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A MAC address in OpenStack's default "fa:16:3e" prefix, derived from a key. */
export function macFromKey(key: string): string {
  const bytes = hex32(key, 7).slice(0, 6).match(/../g) ?? [];
  return ["fa", "16", "3e", ...bytes].join(":");
}
