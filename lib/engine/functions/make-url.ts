/**
 * make_url: builds a URL from its parts with Python's urllib quoting rules, so the result is
 * byte-for-byte what Heat produces.
 */
import { pyRepr, pyStr } from "./python";
import { FnCall, FunctionError, isMapping, type FunctionSpec, type Path } from "./types";

const KEYS = ["scheme", "username", "password", "host", "port", "path", "query", "fragment"];
const USES_NETLOC = new Set([
  "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews",
  "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss",
]);

/** urllib.parse.quote: percent-encodes UTF-8 bytes except unreserved characters and `safe`. */
export function pyQuote(s: string, safe = "/"): string {
  let out = "";
  for (const byte of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.\-~]/.test(ch) || (byte < 128 && safe.includes(ch))) out += ch;
    else out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** urllib.parse.urlencode of a map (quote_plus on keys and str() of values). */
function urlencode(q: Record<string, unknown>): string {
  const plus = (s: string) => pyQuote(s, " ").replace(/ /g, "+");
  return Object.entries(q)
    .map(([k, v]) => `${plus(k)}=${plus(pyStr(v))}`)
    .join("&");
}

function checkArgs(args: Record<string, unknown>, fn: string, path: Path): void {
  for (const key of KEYS) {
    if (!(key in args)) continue;
    const v = args[key];
    if (key === "query") {
      if (!(v instanceof FnCall) && !isMapping(v)) throw new FunctionError(`The "${key}" argument to "${fn}" must be a map`, path);
      return; // Heat stops checking at the query key
    }
    if (key === "port") {
      if (v instanceof FnCall) continue;
      const n = typeof v === "number" ? v : /^\s*[-+]?\d+\s*$/.test(String(v)) ? Number(v) : NaN;
      if (!Number.isInteger(n)) {
        throw new FunctionError(`Invalid URL port "${pyStr(v)}" for ${fn} called with ${pyRepr(args)}`, path);
      }
      if (!(n > 0 && n <= 65535)) throw new FunctionError(`Invalid URL port ${n}, must be in range 1-65535`, path);
    } else if (!(v instanceof FnCall) && typeof v !== "string") {
      throw new FunctionError(`The "${key}" argument to "${fn}" must be a string`, path);
    }
  }
}

/** make_url: scheme, username, password, host, port, path, query, fragment. */
export const makeUrl: FunctionSpec = {
  kind: "make_url",
  validate(call) {
    const args = call.args;
    if (!isMapping(args)) throw new FunctionError(`The arguments to "${call.name}" must be a map`, call.path);
    const invalid = Object.keys(args).filter((k) => !KEYS.includes(k));
    if (invalid.length) throw new FunctionError(`Invalid arguments to "${call.name}": ${invalid.join(", ")}`, call.path);
    checkArgs(args, call.name, call.path);
  },
  resolve(call, ctx) {
    const args = ctx.resolve(call.args) as Record<string, unknown>;
    checkArgs(args, call.name, call.path);
    const get = (k: string) => (typeof args[k] === "string" ? (args[k] as string) : args[k] === undefined ? "" : pyStr(args[k]));
    const scheme = get("scheme");
    if (scheme.includes(":")) throw new FunctionError(`URL "scheme" should not contain ':'`, call.path);
    const user = pyQuote(get("username"), "");
    const pass = pyQuote(get("password"), "");
    let netloc = user || pass ? `${user}${pass ? ":" + pass : ""}@` : "";
    let host = get("host");
    if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
    host = pyQuote(host, ":");
    netloc += host.includes(":") ? `[${host}]` : host;
    const port = args.port;
    if (port !== undefined && port !== "" && port !== 0) netloc += ":" + pyStr(port);
    let url = pyQuote(get("path"));
    const query = args.query === undefined ? "" : urlencode(args.query as Record<string, unknown>).replace(/%2F/g, "/");
    const fragment = pyQuote(get("fragment"));
    if (netloc || (scheme && USES_NETLOC.has(scheme) && url.slice(0, 2) !== "//")) {
      if (url && !url.startsWith("/")) url = "/" + url;
      url = "//" + netloc + url;
    }
    if (scheme) url = scheme + ":" + url;
    if (query) url += "?" + query;
    if (fragment) url += "#" + fragment;
    return url;
  },
};
