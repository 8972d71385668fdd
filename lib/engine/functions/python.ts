/**
 * Python value semantics that Heat's functions expose in their results: str() of scalars,
 * json.dumps(sort_keys=True) of lists and maps, and == between values (True == 1).
 */

/** Python's str(): True/False, None, numbers without a forced ".0", repr() for lists and dicts. */
export function pyStr(v: unknown): string {
  if (v === true) return "True";
  if (v === false) return "False";
  if (v === null || v === undefined) return "None";
  if (typeof v === "number") return pyNumber(v);
  if (typeof v === "string") return v;
  return pyRepr(v);
}

/** Python's type name of a value, for messages (str, int, float, bool, list, dict, NoneType). */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return "dict";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  return Number.isInteger(v) ? "int" : "float";
}

function pyNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  return String(n);
}

/** json.dumps(value, sort_keys=sortKeys) with Python's default separators. */
export function pyJson(v: unknown, sortKeys = true): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return pyJsonString(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : v > 0 ? "Infinity" : Number.isNaN(v) ? "NaN" : "-Infinity";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[${v.map((item) => pyJson(item, sortKeys)).join(", ")}]`;
  if (typeof v === "object") {
    const keys = Object.keys(v as object);
    if (sortKeys) keys.sort();
    return `{${keys.map((k) => `${pyJsonString(k)}: ${pyJson((v as Record<string, unknown>)[k], sortKeys)}`).join(", ")}}`;
  }
  return pyJsonString(String(v));
}

/** A JSON string literal with Python's ensure_ascii escaping. */
function pyJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || c > 0x7e) {
      if (c > 0xffff) {
        const hi = Math.floor((c - 0x10000) / 0x400) + 0xd800;
        const lo = ((c - 0x10000) % 0x400) + 0xdc00;
        out += `\\u${hi.toString(16)}\\u${lo.toString(16)}`;
      } else out += `\\u${c.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return out + '"';
}

/** Python's repr() for messages: 'x', [1, 'a'], {'k': 'v'}, True, None. */
export function pyRepr(v: unknown): string {
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
  }
  return pyStr(v);
}

/** Python's == (bools compare as 0/1 with numbers; lists and dicts deeply). */
export function pyEquals(a: unknown, b: unknown): boolean {
  const num = (x: unknown) => (typeof x === "boolean" ? Number(x) : x);
  const x = num(a);
  const y = num(b);
  if (typeof x === "number" && typeof y === "number") return x === y;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((v, i) => pyEquals(v, y[i]));
  }
  if (x && y && typeof x === "object" && typeof y === "object") {
    const kx = Object.keys(x);
    if (kx.length !== Object.keys(y).length) return false;
    return kx.every((k) => k in (y as object) && pyEquals((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
  }
  return (x ?? null) === (y ?? null);
}

/** Python's `in` for a sequence (list membership, or substring for strings). */
export function pyContains(seq: unknown, value: unknown): boolean {
  if (typeof seq === "string") return typeof value === "string" && seq.includes(value);
  if (Array.isArray(seq)) return seq.some((v) => pyEquals(v, value));
  return false;
}
