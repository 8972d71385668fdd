/**
 * Where a new node goes: the asked-for point when it is free, else the nearest free spot around it
 * (rings of grid points, nearest first), so dropped or pasted nodes never cover existing ones.
 */
import { NODE_SIZE } from "../../graph/topology-layout";
import type { Box, Point } from "./layout-comment";

/** Room kept between two nodes. */
const GAP = 16;
/** Distance between candidate points. */
const STEP = 24;
/** How many rings are searched before giving up and placing below everything. */
const MAX_RINGS = 60;

function overlaps(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < NODE_SIZE.width + GAP && Math.abs(a.y - b.y) < NODE_SIZE.height + GAP;
}

/** The nearest point to `at` where a node covers none of the nodes at `taken`. */
export function freeSpot(at: Point, taken: readonly Point[]): Point {
  const free = (p: Point) => !taken.some((q) => overlaps(p, q));
  if (free(at)) return at;
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    const candidates: Point[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) === ring) candidates.push({ x: at.x + i * STEP, y: at.y + j * STEP });
      }
    }
    candidates.sort((a, b) => Math.hypot(a.x - at.x, a.y - at.y) - Math.hypot(b.x - at.x, b.y - at.y));
    const hit = candidates.find(free);
    if (hit) return hit;
  }
  return { x: at.x, y: Math.max(at.y, ...taken.map((p) => p.y)) + NODE_SIZE.height + GAP };
}

/**
 * Places several nodes: the whole group moved by the first multiple of `step` (down and right) at
 * which none covers a taken node, so it keeps its shape; failing that, each node on its own spot.
 */
export function freeSpots(wanted: readonly Point[], taken: readonly Point[], step = 0): Point[] {
  const free = (p: Point) => !taken.some((q) => overlaps(p, q));
  for (let n = 0; step > 0 && n <= MAX_RINGS; n++) {
    const moved = wanted.map((p) => ({ x: p.x + n * step, y: p.y + n * step }));
    if (moved.every(free)) return moved;
  }
  const placed: Point[] = [];
  for (const p of wanted) placed.push(freeSpot(p, [...taken, ...placed]));
  return placed;
}

/** Room kept between a box's edge and the nodes inside it (the top leaves space for the title). */
const PADDING = { side: 20, top: 44 };

/** `box` grown just enough to hold a node at `p` (unchanged when it already does). */
export function enclose(box: Box, p: Point): Box {
  const x = Math.min(box.x, p.x - PADDING.side);
  const y = Math.min(box.y, p.y - PADDING.top);
  const right = Math.max(box.x + box.width, p.x + NODE_SIZE.width + PADDING.side);
  const bottom = Math.max(box.y + box.height, p.y + NODE_SIZE.height + PADDING.side);
  return { x, y, width: right - x, height: bottom - y };
}
