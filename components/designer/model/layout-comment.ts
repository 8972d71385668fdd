/**
 * Canvas layout stored inside the template as a trailing YAML comment block, so that Heat (and
 * Hearth's validator) never see it, stack updates do not treat a moved box as a changed resource,
 * and a reopened template looks the same:
 *
 *   # hearth-layout v1
 *   #   node app_server 120 40
 *   #   region RegionOne 0 0 640 420
 *
 * Coordinates are absolute canvas pixels (integers); region lines are x, y, width, height.
 */

/** Position of one resource node. */
export interface Point {
  x: number;
  y: number;
}

/** A region boundary box. */
export interface Box extends Point {
  width: number;
  height: number;
}

/** Positions of resources and region boxes. */
export interface Layout {
  nodes: Record<string, Point>;
  regions: Record<string, Box>;
}

const MARKER = "# hearth-layout v1";

/** An empty layout. */
export function emptyLayout(): Layout {
  return { nodes: {}, regions: {} };
}

/**
 * Splits a template into its body and its layout block (absent: empty layout). The block is found
 * wherever it is (text typed after it stays in the body); joinLayout puts it back at the end.
 */
export function splitLayout(text: string): { body: string; layout: Layout } {
  const at = text.lastIndexOf(MARKER);
  if (at < 0 || (at > 0 && text[at - 1] !== "\n")) return { body: text, layout: emptyLayout() };
  const rest = text.slice(at).split("\n");
  const lines: string[] = [];
  for (const line of rest.slice(1)) {
    if (!/^#\s+(node|region)\s/.test(line)) break;
    lines.push(line);
  }
  const after = rest.slice(lines.length + 1).join("\n");
  const before = text.slice(0, at).replace(/\n+$/, "\n");
  const body = after.trim() === "" ? before : before + after.replace(/^\n+/, "");
  return { body, layout: parseBlock(lines) };
}

/** The last block parsed and its layout: while the user types, the block stays the same. */
let lastBlock: { text: string; layout: Layout } | undefined;

/** The layout of a block's lines (the same object again for the same block: read it, never change it). */
function parseBlock(lines: string[]): Layout {
  const text = lines.join("\n");
  if (lastBlock?.text !== text) lastBlock = { text, layout: parseLines(lines) };
  return lastBlock.layout;
}

function parseLines(lines: string[]): Layout {
  const layout = emptyLayout();
  for (const line of lines) {
    const [kind, name, ...nums] = line.replace(/^#\s*/, "").split(/\s+/);
    const n = nums.map(Number);
    if (!name || n.some((v) => !Number.isFinite(v))) continue;
    if (kind === "node" && n.length === 2) layout.nodes[name] = { x: n[0], y: n[1] };
    if (kind === "region" && n.length === 4) layout.regions[name] = { x: n[0], y: n[1], width: n[2], height: n[3] };
  }
  return layout;
}

/** Appends the layout block to a body (no block for an empty layout). */
export function joinLayout(body: string, layout: Layout): string {
  const nodes = Object.entries(layout.nodes).map(([k, p]) => `#   node ${k} ${Math.round(p.x)} ${Math.round(p.y)}`);
  const regions = Object.entries(layout.regions).map(
    ([k, b]) => `#   region ${k} ${Math.round(b.x)} ${Math.round(b.y)} ${Math.round(b.width)} ${Math.round(b.height)}`,
  );
  if (nodes.length + regions.length === 0) return body;
  const base = body.endsWith("\n") ? body : body + "\n";
  return `${base}\n${[MARKER, ...regions, ...nodes].join("\n")}\n`;
}
