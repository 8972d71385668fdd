import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resourceChunks } from "./resource-chunks";
import { deriveModel } from "./template-model";
import { appendIn, deleteIn, setIn } from "./yaml-text";

const T = `heat_template_version: 2018-08-31
# a comment
description: >
  folded
  resources: not a key here

parameters:
  flavor: { type: string }

resources:
  net:   # the network
    type: OS::Neutron::Net

  # about the server
  "server":
    type: OS::Nova::Server
    depends_on: [net]
    properties:
      flavor: { get_param: flavor }
      networks:
        - network: { get_resource: net }
      user_data: |
        #!/bin/sh
        echo hi
# a comment at column 0
outputs:
  ip: { value: { get_attr: [server, first_address] } }
`;

/** The same template, with an alias-looking comment that makes the scan give up (whole-text parsing). */
const WHOLE = T + "# &whole\n";
const demo = readFileSync(new URL("../../../examples/multi-region-demo.yaml", import.meta.url), "utf8");

describe("resource chunks", () => {
  it("cuts the resources section into one chunk per resource, comments and blank lines included", () => {
    const cut = resourceChunks(T)!;
    expect(cut.chunks.map((c) => c.name)).toEqual(["net", "server"]);
    expect(T.slice(cut.chunks[0].start, cut.chunks[0].end)).toBe("  net:   # the network\n    type: OS::Neutron::Net\n\n  # about the server\n");
    expect(T.slice(cut.chunks[1].end)).toBe("outputs:\n  ip: { value: { get_attr: [server, first_address] } }\n");
  });

  it("leaves texts it cannot be sure about to the full parser", () => {
    expect(resourceChunks(WHOLE)).toBeUndefined();
    expect(resourceChunks("resources: { a: { type: X } }\n")).toBeUndefined();
    expect(resourceChunks("resources:\n\ta:\n\t\ttype: X\n")).toBeUndefined();
    expect(resourceChunks("resources:\n  - a\n")).toBeUndefined();
    expect(resourceChunks("a: 1\n---\nresources:\n  a:\n    type: X\n")).toBeUndefined();
    expect(resourceChunks("resources:\n    a:\n      type: X\n  b:\n    type: Y\n")).toBeUndefined();
  });

  it("derives the same model chunk by chunk as from the whole text", () => {
    for (const text of [T, demo]) {
      const strip = (m: ReturnType<typeof deriveModel>) => ({ ...m, body: "" });
      expect(resourceChunks(text)).toBeDefined();
      expect(strip(deriveModel(text))).toEqual(strip(deriveModel(text + "# &whole\n")));
    }
    expect(deriveModel(T).parameters).toEqual(["flavor"]);
    expect(deriveModel(T).edges.map((e) => e.id)).toEqual(["server->net@properties.networks.0.network", "server->net@depends_on.0"]);
  });

  it("a typing error inside one resource is reported as the whole parse reports it", () => {
    const broken = T.replace("type: OS::Neutron::Net", "type: { OS::Neutron::Net");
    expect(deriveModel(broken).error).toBeDefined();
    expect(deriveModel(broken).error).toBe(deriveModel(broken + "# &whole\n").error);
  });

  it("edits inside a resource give the text the whole-text edit gives", () => {
    const edits: ((t: string) => string)[] = [
      (t) => setIn(t, ["resources", "server", "properties", "flavor"], "m1.large"),
      (t) => setIn(t, ["resources", "net", "region"], "RegionTwo"),
      (t) => setIn(t, ["resources", "net", "properties", "name"], "n"),
      (t) => setIn(t, ["resources", "volume"], { type: "OS::Cinder::Volume", properties: { size: 1 } }),
      (t) => appendIn(t, ["resources", "server", "properties", "networks"], { network: { get_resource: "net" } }),
      (t) => appendIn(t, ["resources", "server", "depends_on"], "volume"),
      (t) => deleteIn(t, ["resources", "server", "properties", "user_data"]),
      (t) => deleteIn(t, ["resources", "net"]),
    ];
    for (const edit of edits) expect(edit(T) + "# &whole\n").toBe(edit(WHOLE));
  });
});
