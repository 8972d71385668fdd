/** The plain-YAML fast path (lib/engine/template/plain-yaml.ts) against the yaml package: every template in the repository, generated ones and near misses. Here, not beside the module: it reads the repository and the bench shapes, which lib/engine may not import. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { shapeTemplate } from "../../bench/e2e/scenarios";
import { parseTemplateDocument, YAML_OPTIONS } from "../../lib/engine/template/document";
import { parsePlainYaml } from "../../lib/engine/template/plain-yaml";

const ROOT = join(__dirname, "../..");

/** What the `yaml` package reads under document.ts's options, or "error" when it reports any. */
function viaYaml(text: string): unknown {
  const doc = parseDocument(text, YAML_OPTIONS);
  return doc.errors.length ? "error" : doc.toJS({ maxAliasCount: 1000 });
}

/** Whether the fast path took the text; when it did, its data must be the `yaml` package's. */
function agrees(text: string): boolean {
  const fast = parsePlainYaml(text);
  if (fast === undefined) return false;
  expect(fast, text).toEqual(viaYaml(text));
  return true;
}

function repoTemplates(): string[] {
  const files = execFileSync("git", ["ls-files", "*.yaml", "*.yml", "*.template"], { cwd: ROOT, encoding: "utf8" });
  return files.split("\n").filter(Boolean);
}

/** Scalar forms and near misses of every rule the fast path types or bails on. */
const SCALARS = [
  "x", "OS::Heat::None", "2018-08-31", "2013-05-23", "a b", "a  b", "a#b", "a #b", "a: b", "a:b", "a:", "[a, b]", "- x",
  "yes", "Yes", "YES", "yEs", "No", "no", "NO", "on", "Off", "y", "n", "Y", "N", "true", "True", "TRUE", "tRue", "false",
  "~", "null", "Null", "NULL", "nULL", "", "0", "1", "+1", "-1", "42", "007", "012", "09", "0x1F", "0o7", "0b101", "1_000",
  "-0", "+0", "1:20", "1:20.5", "190:20:30", "1e3", "1E3", "1.5e3", "1.5e+3", "1.5E-3", "1.0", "1.", ".5", "+.5", "0.5",
  "00.5", "1.5_0", ".inf", "-.inf", ".NaN", ".nan", "123456789012345678901234567890", "9".repeat(400), "1.2.3", "=", "<<",
  "a,b", "a]", "a}", "{a: b}", "'q'", "\"q\"", "it's", "say \"hi\"", "&a x", "*a", "!tag x", "|", ">", "%x", "@x", "`x",
  "?x", ",x", "#x", "<%x%>", "a<b>c", "C:\\path", "http://example.com:80/x", "10.0.0.0/24", "é", "naïve café", "中文", "a\\nb", "$x", "x^y",
];
/** Plain forms the fast path must take anywhere. */
const PLAIN = ["x", "OS::Heat::None", "2018-08-31", "a b", "yes", "No", "y", "~", "null", "0", "42", "+1", "1e3", "1.5e+3", "1.0", ".5", "1.2.3", "=", "é", "中文", "$x", "<%x%>"];
/** Plain forms it must take in block context only (flow indicators, comments and quotes inside). */
const BLOCK_ONLY = ["", "a#b", "a:b", "a,b", "it's", "C:\\path", "http://example.com:80/x", "a [b] {c}"];
/** Quoted contents, written both ways (a single quote doubled in '...'). */
const QUOTED = ["", "x", "a #b", "a: b", "[a, b]", "yes", "1", "~", "it's", "say \"hi\"", "- x", "&a", "%x%", "$A", "  pad  "];
const KEYS = ["a", "b", "type", "depends_on", "r0_1", "a.b", "a/b", "a-b", "200", "1.0", "012", "true", "yes", "null", "_x", "OS::X", "$A", "<%p%>", "a:b", "'q'", "\"d\""];
const BLOCK_LINES = ["one", "two words", "# not a comment", "key: value", "  more indented", "", "'quoted'", "tail"];

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random template of every form the fast path takes (with near misses: of the forms it must bail on too). */
function generated(seed: number, nearMisses: boolean): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const quoted = () => {
    const q = pick(QUOTED);
    return rnd() < 0.5 ? `'${q.replace(/'/g, "''")}'` : q.includes('"') ? `'${q.replace(/'/g, "''")}'` : `"${q}"`;
  };
  const scalar = (flow: boolean) => {
    if (rnd() < 0.2) return quoted();
    if (nearMisses) return pick(SCALARS);
    return flow || rnd() < 0.7 ? pick(PLAIN) : pick(BLOCK_ONLY);
  };
  const flowNode = (depth: number): string => {
    const r = rnd();
    const n = Math.floor(rnd() * 3);
    if (depth > 2 || r < 0.5) return scalar(true);
    if (r < 0.75) return `[${Array.from({ length: n }, () => flowNode(depth + 1)).join(", ")}]`;
    return `{${Array.from({ length: n }, (_, i) => `${nearMisses ? pick(KEYS) : `f${i}`}: ${flowNode(depth + 1)}`).join(", ")}}`;
  };
  const step = pick([2, 4]);
  const lines: string[] = [];
  const comment = () => (rnd() < 0.1 ? "  # trailing" : "");
  const blockScalar = (indent: number) => {
    const header = pick(["|", ">", "|-", ">-"]);
    const body = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(header[0] === ">" && !nearMisses ? BLOCK_LINES.filter((l) => !l.startsWith(" ")) : BLOCK_LINES));
    // the first line sets the indent: not empty, not indented further
    if (body[0] === "" || body[0].startsWith(" ")) body[0] = "first";
    return [header, ...body.map((l) => (l === "" ? "" : " ".repeat(indent + step) + l))];
  };
  const mapping = (indent: number, depth: number, first?: string) => {
    const pad = " ".repeat(indent);
    const used = new Set<string>();
    const count = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < count; i++) {
      let key = nearMisses && rnd() < 0.2 ? pick(KEYS) : `k${Math.floor(rnd() * 1000)}`;
      if (used.has(key) && !(nearMisses && rnd() < 0.3)) key += `_${i}`;
      used.add(key);
      const lead = i === 0 && first !== undefined ? first : pad;
      if (i > 0 && rnd() < 0.1) lines.push(`${pad}# a comment: [x]`);
      if (i > 0 && rnd() < 0.1) lines.push("");
      const kind = rnd();
      if (kind < 0.35 || depth >= 4) lines.push(`${lead}${key}: ${scalar(false)}${comment()}`);
      else if (kind < 0.42) lines.push(`${lead}${key}:`);
      else if (kind < 0.55) lines.push(`${lead}${key}: ${flowNode(0)}${comment()}`);
      else if (kind < 0.62) {
        const [header, ...body] = blockScalar(indent);
        lines.push(`${lead}${key}: ${header}${comment()}`, ...body);
      } else if (kind < 0.8) {
        lines.push(`${lead}${key}:`);
        const at = rnd() < 0.4 ? indent : indent + step;
        for (let j = 0; j < 1 + Math.floor(rnd() * 3); j++) {
          const r = rnd();
          const dash = `${" ".repeat(at)}-${rnd() < 0.2 ? "   " : " "}`;
          if (r < 0.3) mapping(dash.length, depth + 1, dash);
          else if (r < 0.5) lines.push(`${dash}${flowNode(1)}`);
          else lines.push(`${dash}${scalar(false) || "x"}${comment()}`);
        }
      } else {
        lines.push(`${lead}${key}:${rnd() < 0.1 ? " # nested" : ""}`);
        mapping(indent + step, depth + 1);
      }
    }
  };
  mapping(0, 0);
  return lines.join("\n") + (rnd() < 0.5 ? "\n" : "");
}

describe("parsePlainYaml", () => {
  it("reads every template in the repository as the yaml package does, and takes the common ones", () => {
    const taken: string[] = [];
    const files = repoTemplates();
    for (const file of files) if (agrees(readFileSync(join(ROOT, file), "utf8"))) taken.push(file);
    expect(files.length).toBeGreaterThan(100);
    // left to the yaml package: JSON-looking YAML, CRLF, octal numbers, boolean keys, syntax errors
    expect(taken.length).toBeGreaterThan(files.length * 0.9);
    expect(taken).toEqual(expect.arrayContaining(files.filter((f) => /^(examples|e2e)\//.test(f))));
  });

  it("takes the bench shapes", () => {
    const shapes = [
      { label: "flat", layers: 1, width: 1000 },
      { label: "chain", layers: 100, width: 1 },
      { label: "layers", layers: 10, width: 100 },
    ];
    for (const shape of shapes) expect(agrees(shapeTemplate(shape)), shape.label).toBe(true);
  });

  it("agrees with the yaml package on generated plain templates, and takes them", () => {
    let taken = 0;
    for (let seed = 1; seed <= 300; seed++) if (agrees(generated(seed, false))) taken++;
    expect(taken).toBe(300);
  });

  it("agrees with the yaml package whenever it takes a generated template with near misses", () => {
    let taken = 0;
    for (let seed = 1; seed <= 400; seed++) if (agrees(generated(seed, true))) taken++;
    expect(taken).toBeGreaterThan(50);
  });

  it("agrees on every scalar form it takes, as a value, a sequence item, a flow item and a key", () => {
    for (const s of SCALARS) {
      agrees(`v: ${s}\n`);
      agrees(`v:\n  - ${s}\n`);
      agrees(`v: [${s}]\n`);
      agrees(`${s}: 1\n`);
    }
  });

  it("types scalars as PyYAML does", () => {
    expect(parsePlainYaml("a: yes\nb: No\nc: y\nd: ~\ne:\nf: 0.5x\ng: 1e3\nh: 1.5e+3\ni: 2018-08-31\nj: +0\nk: 1.\nl: .5\n")).toEqual({
      a: true, b: false, c: "y", d: null, e: null, f: "0.5x", g: "1e3", h: 1500, i: "2018-08-31", j: 0, k: 1, l: 0.5,
    });
    expect(parsePlainYaml("a:\n- x\n- 1\nb: [p, 2, null]\nc: []\n200: ok\n")).toEqual({ a: ["x", 1], b: ["p", 2, null], c: [], 200: "ok" });
    expect(parsePlainYaml("a: '1'\nb: \"yes\"\nc: 'it''s # not a comment'  # a comment\n'd': {e: [f, 'g'], \"h\": {}}\n")).toEqual({
      a: "1", b: "yes", c: "it's # not a comment", d: { e: ["f", "g"], h: {} },
    });
    expect(parsePlainYaml("a: |\n  one\n    two\n\n  # three\n\nb: >-\n  one\n  two\n\n  three\nc:\n  - d: 1\n    e:\n    - f\n  -   g: 2\n")).toEqual({
      a: "one\n  two\n\n# three\n", b: "one two\nthree", c: [{ d: 1, e: ["f"] }, { g: 2 }],
    });
  });

  it.each([
    ["a tab", "a:\tb\n"],
    ["a CR", "a: b\r\n"],
    ["a BOM", "\ufeffa: b\n"],
    ["an indented top", "  a: b\n"],
    ["an empty text", "# only a comment\n"],
    ["a top-level sequence", "- a\n"],
    ["a top-level scalar", "a\n"],
    ["a document marker", "---\na: b\n"],
    ["a directive", "%YAML 1.1\n---\na: b\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a duplicate key in a flow mapping", "a: {b: 1, b: 2}\n"],
    ["a key outside the word set", "a b: 1\n"],
    ["a key ending in a colon", "a:: 1\n"],
    ["a key typed as a boolean", "yes: 1\n"],
    ["a key typed as null", "null: 1\n"],
    ["a key whose number reads differently", "012: 1\n"],
    ["__proto__", "__proto__: 1\n"],
    ["a quoted __proto__", "'__proto__': 1\n"],
    ["a merge key", "<<: {a: 1}\n"],
    ["a block key over 1000 characters", `${"k".repeat(1100)}: 1\n`],
    ["a quoted block key over 1000 characters", `'${"k".repeat(1100)}': 1\n`],
    ["a space before the colon", "a : 1\n"],
    ["a key without a value's space", "a:b\n"],
    ["text after a quoted key", "'a' b: 1\n"],
    ["a wrongly indented key", "a:\n    b: 1\n  c: 2\n"],
    ["a multi-line plain scalar", "a: b\n  c\n"],
    ["a multi-line sequence item", "a:\n  - b\n    c\n"],
    ["an anchor", "a: &x b\n"],
    ["an alias", "a: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a keep-chomped block scalar", "a: |+\n  b\n"],
    ["an indentation indicator", "a: |2\n  b\n"],
    ["an empty block scalar", "a: |\nb: 1\n"],
    ["a blank line before a block scalar's text", "a: |\n\n  b\n"],
    ["a line of spaces in a block scalar", "a: |\n  b\n  \n  c\n"],
    ["trailing spaces in a block scalar", "a: |\n  b \n"],
    ["a folded line indented further", "a: >\n  b\n    c\n"],
    ["a block scalar in a sequence", "a:\n  - |\n    b\n"],
    ["a single-quoted string over lines", "a: 'b\n  c'\n"],
    ["a double-quoted escape", "a: \"b\\n\"\n"],
    ["text after a quoted string", "a: 'b' c\n"],
    ["a comment without a space", "a: 'b'#c\n"],
    ["a flow collection over lines", "a: [b,\n  c]\n"],
    ["an empty flow item", "a: [b, , c]\n"],
    ["a trailing comma", "a: [b, c,]\n"],
    ["an unclosed flow sequence", "a: [b, c\n"],
    ["text after a flow collection", "a: [b] c\n"],
    ["a flow key without a value", "a: {b}\n"],
    ["a flow key without a space", "a: {b:c}\n"],
    ["a flow pair in a sequence", "a: [b: c]\n"],
    ["a quote inside a flow scalar", "a: [it's]\n"],
    ["a # inside a flow scalar", "a: [a#b]\n"],
    ["a nested sequence", "a:\n  - - b\n"],
    ["an empty item", "a:\n  -\n"],
    ["an item without a space", "a:\n  -b\n"],
    ["': ' in a value", "a: b: c\n"],
    ["a trailing colon", "a: b:\n"],
    ["a leading dash", "a: -1\n"],
    ["a question mark", "a: ?b\n"],
    ["reserved characters", "a: @b\n"],
    ["a merge value", "a: <<\n"],
    ["an octal-looking int", "a: 012\n"],
    ["a hex int", "a: 0x1F\n"],
    ["a binary int", "a: 0b11\n"],
    ["underscores", "a: 1_000\n"],
    ["a sexagesimal number", "a: 1:20\n"],
    ["an infinity", "a: .inf\n"],
    ["a NaN", "a: .nan\n"],
    ["nesting beyond 64 levels", Array.from({ length: 70 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n"],
    ["flow nesting beyond 64 levels", `a: ${"[".repeat(70)}${"]".repeat(70)}\n`],
  ])("returns undefined for %s", (_name, text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });

  it("leaves locate and screening to document.ts as for JSON", () => {
    const doc = parseTemplateDocument("heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::None\n", "t.yaml");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.locate(["resources", "r", "type"])).toMatchObject({ start: { line: 4, column: 5 }, file: "t.yaml" });
    const deep = parseTemplateDocument(Array.from({ length: 10 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n", "d.yaml", {
      maxTemplateSize: 1000,
      maxTemplateDepth: 5,
    });
    expect(deep.diagnostics[0]).toMatchObject({ code: "limit.exceeded", range: { file: "d.yaml" } });
  });
});
