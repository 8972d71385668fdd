import { describe, expect, it } from "vitest";
import { NODE_SIZE } from "../../graph/topology-layout";
import { enclose, freeSpot, freeSpots } from "./placement";

const apart = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) >= NODE_SIZE.width || Math.abs(a.y - b.y) >= NODE_SIZE.height;

describe("placement", () => {
  it("keeps a free point and moves an occupied one to the nearest free spot", () => {
    expect(freeSpot({ x: 500, y: 500 }, [{ x: 0, y: 0 }])).toEqual({ x: 500, y: 500 });
    const at = freeSpot({ x: 10, y: 10 }, [{ x: 0, y: 0 }]);
    expect(apart(at, { x: 0, y: 0 })).toBe(true);
    expect(Math.hypot(at.x - 10, at.y - 10)).toBeLessThan(NODE_SIZE.width + 60);
  });

  it("moves a group as one, by steps, until it covers nothing", () => {
    const group = [{ x: 0, y: 0 }, { x: 300, y: 0 }];
    expect(freeSpots(group, [{ x: 0, y: 0 }, { x: 300, y: 0 }], 40)).toEqual([{ x: 120, y: 120 }, { x: 420, y: 120 }]);
  });

  it("places several nodes so that none overlaps another", () => {
    const taken = [{ x: 0, y: 0 }];
    const spots = freeSpots([{ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 0 }], taken);
    const all = [...taken, ...spots];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(apart(all[i], all[j]), `${i} ${j}`).toBe(true);
  });

  it("grows a box just enough to hold a node placed beside it", () => {
    const box = { x: 0, y: 0, width: 250, height: 132 };
    expect(enclose(box, { x: 20, y: 44 })).toEqual(box);
    expect(enclose(box, { x: 20, y: -60 })).toEqual({ x: 0, y: -104, width: 250, height: 236 });
    expect(enclose(box, { x: 300, y: 44 })).toEqual({ x: 0, y: 0, width: 300 + NODE_SIZE.width + 20, height: 132 });
  });
});
