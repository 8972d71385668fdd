import { describe, expect, it } from "vitest";
import { emptyLayout, joinLayout, splitLayout } from "./layout-comment";

const body = "heat_template_version: 2018-08-31\nresources: {}\n";

describe("layout comment block", () => {
  it("round-trips positions and region boxes at the end of the text", () => {
    const layout = { nodes: { a: { x: 1.4, y: 2 } }, regions: { RegionOne: { x: 0, y: 0, width: 300, height: 200 } } };
    const text = joinLayout(body, layout);
    expect(text).toBe(`${body}\n# hearth-layout v1\n#   region RegionOne 0 0 300 200\n#   node a 1 2\n`);
    expect(splitLayout(text)).toEqual({ body, layout: { nodes: { a: { x: 1, y: 2 } }, regions: layout.regions } });
  });

  it("leaves texts without a block alone and takes a block out of the middle", () => {
    expect(splitLayout(body)).toEqual({ body, layout: emptyLayout() });
    const typedAfter = `${body}\n# hearth-layout v1\n#   node a 1 2\n  b: { type: OS::Heat::None }\n`;
    expect(splitLayout(typedAfter)).toEqual({ body: `${body}  b: { type: OS::Heat::None }\n`, layout: { nodes: { a: { x: 1, y: 2 } }, regions: {} } });
    expect(joinLayout(body, emptyLayout())).toBe(body);
  });

  it("skips malformed lines", () => {
    const { layout } = splitLayout(`${body}# hearth-layout v1\n#   node a x 2\n#   node b 3 4\n#   node c 5\n`);
    expect(layout.nodes).toEqual({ b: { x: 3, y: 4 } });
  });
});
