import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../../../lib/engine/resources";
import { hoverAt, suggestionsAt } from "./completions";

const HEAD = `heat_template_version: 2018-08-31
parameters:
  key_name:
    type: string
  image_id:
    type: string
resources:
  net:
    type: OS::Neutron::Net
  web:
    type: OS::Nova::Server
    properties:
      flavor: m1.small
`;

/** Completion labels where `|` marks the cursor in `text`. */
function at(text: string, regions: readonly string[] = []): string[] {
  return complete(text, regions).suggestions.map((s) => s.label);
}

function complete(text: string, regions: readonly string[] = []) {
  const offset = text.indexOf("|");
  const lines = text.slice(0, offset).split("\n");
  return suggestionsAt(text.replace("|", ""), lines.length, lines[lines.length - 1].length + 1, defaultRegistry, regions);
}

function hover(text: string): string | undefined {
  const offset = text.indexOf("|");
  const lines = text.slice(0, offset).split("\n");
  return hoverAt(text.replace("|", ""), lines.length, lines[lines.length - 1].length + 1, defaultRegistry);
}

describe("completion of resource types", () => {
  it("offers types after a block-style type:", () => {
    expect(at(`${HEAD}  vol:\n    type: OS::Ci|`)).toContain("OS::Cinder::Volume");
  });

  it("offers types inside a flow mapping", () => {
    const c = complete(`${HEAD}  vol: { type: OS::Ci|`);
    expect(c.suggestions.map((s) => s.label)).toContain("OS::Cinder::Volume");
    expect(c.from).toBe("  vol: { type: ".length + 1);
  });

  it("offers types after a list item's type:", () => {
    expect(at(`${HEAD}  g:\n    type: OS::Heat::ResourceGroup\n    properties:\n      items:\n        - type: |`)).toContain("OS::Nova::Server");
  });

  it("offers parameter types for a parameter's type", () => {
    expect(at(`${HEAD.split("resources:")[0]}  count:\n    type: |`)).toEqual(["string", "number", "json", "comma_delimited_list", "boolean"]);
  });
});

describe("completion of keys", () => {
  it("offers the version's missing top-level sections", () => {
    const labels = at(`heat_template_version: 2015-10-15\nresources: {}\n|`);
    expect(labels).toContain("outputs");
    expect(labels).not.toContain("resources");
    expect(labels).not.toContain("conditions");
  });

  it("offers resource keys, region included, without those present", () => {
    const labels = at(`${HEAD}      |`.replace("      flavor: m1.small\n      |", "      flavor: m1.small\n    |"));
    expect(labels).toEqual(expect.arrayContaining(["depends_on", "region", "metadata"]));
    expect(labels).not.toContain("type");
    expect(labels).not.toContain("properties");
  });

  it("offers the type's properties in a block properties: mapping, not those present", () => {
    const c = complete(`${HEAD}      im|`);
    const image = c.suggestions.find((s) => s.label === "image");
    expect(image).toMatchObject({ kind: "property", insertText: "image: " });
    expect(c.suggestions.map((s) => s.label)).not.toContain("flavor");
    expect(c.from).toBe(7);
  });

  it("shows type, required and default in a property's detail", () => {
    const labels = complete(`${HEAD}      |`).suggestions;
    expect(labels.find((s) => s.label === "key_name")?.detail).toMatch(/^string, optional/);
    const flavor = complete(`${HEAD.replace("      flavor: m1.small\n", "")}      |`).suggestions.find((s) => s.label === "flavor");
    expect(flavor?.detail).toBe("string, required");
  });

  it("offers properties inside a flow properties mapping, skipping keys before and after the cursor", () => {
    const text = `${HEAD}  db: { type: OS::Nova::Server, properties: { flavor: m1.small, | , image: x } }`;
    const labels = at(text);
    expect(labels).toContain("networks");
    expect(labels).not.toContain("flavor");
    expect(labels).not.toContain("image");
  });

  it("offers sub-keys of a list of maps property", () => {
    expect(at(`${HEAD}      networks:\n        - |`)).toEqual(expect.arrayContaining(["network", "fixed_ip", "port"]));
    expect(at(`${HEAD}      networks:\n        - network: net\n          |`)).toContain("fixed_ip");
  });

  it("offers the properties of a nested definition's type (ResourceGroup resource_def), block and flow", () => {
    const group = `${HEAD}  g:\n    type: OS::Heat::ResourceGroup\n    properties:\n      count: 2\n`;
    const block = at(`${group}      resource_def:\n        type: OS::Cinder::Volume  # one per member\n        properties:\n          |`);
    expect(block).toContain("size");
    expect(block).not.toContain("count");
    expect(at(`${group}      resource_def: { type: OS::Nova::Server, properties: { fl| } }`)).toContain("flavor");
    expect(at(`${group}      resource_def:\n        type: OS::Nova::Server\n        properties: { |`)).toContain("image");
  });

  it("offers output keys and parameter keys", () => {
    expect(at(`${HEAD}outputs:\n  ip:\n    |`)).toEqual(expect.arrayContaining(["value", "description"]));
    expect(at(`heat_template_version: 2018-03-02\nparameters:\n  p:\n    type: string\n    |`)).toContain("tags");
  });
});

describe("completion of functions", () => {
  it("offers the version's functions where a property value goes", () => {
    const labels = at(`${HEAD}      image: { get_|`);
    expect(labels).toEqual(expect.arrayContaining(["get_param", "get_attr", "str_split", "map_merge"]));
    expect(labels).not.toContain("Fn::Select");
    expect(labels).not.toContain("flavor");
  });

  it("follows heat_template_version", () => {
    const old = at(`heat_template_version: 2013-05-23\nresources:\n  a:\n    type: OS::Heat::None\n    properties:\n      x: { |`);
    expect(old).toContain("Fn::Select");
    expect(old).not.toContain("str_split");
    expect(at(`heat_template_version: wallaby\noutputs:\n  o:\n    value:\n      |`)).toContain("list_concat_unique");
  });

  it("offers block-style functions under a property and in outputs", () => {
    expect(at(`${HEAD}      image:\n        get_|`)).toContain("get_param");
  });

  it("offers only condition functions inside conditions", () => {
    const labels = at(`heat_template_version: 2017-09-01\nconditions:\n  prod: { |`);
    expect(labels).toEqual(["and", "contains", "equals", "get_param", "not", "or", "yaql"]);
  });
});

describe("completion of function arguments and references", () => {
  it("offers resource names to get_resource, flow and block", () => {
    expect(at(`${HEAD}      networks: [{ network: { get_resource: | } }]`)).toEqual(["net", "web"]);
    expect(at(`${HEAD}      image:\n        get_resource: n|`)).toEqual(["net", "web"]);
  });

  it("offers resources then the target's attributes to get_attr, not those Heat hides", () => {
    expect(at(`${HEAD}outputs:\n  ip: { value: { get_attr: [| ] } }`)).toEqual(["net", "web"]);
    const attrs = complete(`${HEAD}outputs:\n  ip: { value: { get_attr: [web, fir|] } }`);
    expect(attrs.suggestions.map((s) => s.label)).toEqual(expect.arrayContaining(["networks", "accessIPv4", "show"]));
    expect(attrs.suggestions.find((s) => s.label === "networks")?.kind).toBe("attribute");
    expect(attrs.suggestions.map((s) => s.label)).not.toContain("first_address");
    const block = at(`${HEAD}outputs:\n  ip:\n    value:\n      get_attr:\n        - web\n        - |`);
    expect(block).toContain("addresses");
    expect(block).not.toContain("first_address");
  });

  it("never offers a hidden attribute, property or type, though each still validates", async () => {
    const hiddenAttributes = defaultRegistry.list().flatMap((p) => Object.entries(p.attributes).filter(([, a]) => a.hidden).map(([name]) => [p.type, name] as const));
    expect(hiddenAttributes).toEqual(expect.arrayContaining([["OS::Nova::Server", "first_address"], ["OS::Zaqar::Queue", "queue_id"]]));
    for (const [type, name] of hiddenAttributes) {
      const text = `heat_template_version: 2018-08-31\nresources:\n  r:\n    type: ${type}\noutputs:\n  o: { value: { get_attr: [r, |] } }`;
      expect(at(text), `${type} ${name}`).not.toContain(name);
    }
    const types = at(`${HEAD}  old:\n    type: OS::|`);
    expect(types).toContain("OS::Neutron::FloatingIP");
    for (const hidden of ["OS::Nova::FloatingIP", "OS::Neutron::RouterGateway", "OS::Heat::SoftwareDeployments", "OS::Designate::Domain"]) expect(types).not.toContain(hidden);
    const serverProps = at(`${HEAD}      |`);
    expect(serverProps).toContain("networks");
    const hiddenProps = Object.entries(defaultRegistry.get("OS::Nova::Server")!.properties).filter(([, s]) => s.hidden).map(([n]) => n);
    for (const name of hiddenProps) expect(serverProps).not.toContain(name);
    const { validateTemplate } = await import("./validate");
    const uses = `heat_template_version: 2018-08-31\nresources:\n  fip: { type: OS::Nova::FloatingIP }\n  web: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }\noutputs:\n  ip: { value: { get_attr: [web, first_address] } }\n`;
    expect(validateTemplate(uses, { registry: defaultRegistry, region: "RegionOne", regions: ["RegionOne"] }).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("offers parameter names to get_param", () => {
    expect(at(`${HEAD}      key_name: { get_param: | }`)).toEqual(["key_name", "image_id"]);
    expect(at(`${HEAD}      key_name: { get_param: [| ] }`)).toEqual(["key_name", "image_id"]);
  });

  it("offers other resources to depends_on in every style", () => {
    expect(at(`${HEAD}    depends_on: |`)).toEqual(["net"]);
    expect(at(`${HEAD}  db:\n    type: OS::Heat::None\n    depends_on: [web, |]`)).toEqual(["net"]);
    expect(at(`${HEAD}  db:\n    type: OS::Heat::None\n    depends_on:\n      - net\n      - |`)).toEqual(["web"]);
  });

  it("offers condition names to condition: and to if's first item", () => {
    const conds = `heat_template_version: 2016-10-14\nconditions:\n  prod: { equals: [a, b] }\n  big: true\nresources:\n  a:\n    type: OS::Heat::None\n`;
    expect(at(`${conds}    condition: |`)).toEqual(["prod", "big"]);
    expect(at(`${conds}    properties:\n      x: { if: [| ] }`)).toEqual(["prod", "big"]);
  });

  it("offers regions, deletion policies and versions", () => {
    expect(complete(`${HEAD}    region: R|`, ["RegionOne", "RegionTwo"]).suggestions).toEqual([
      { label: "RegionOne", kind: "region", insertText: "RegionOne" },
      { label: "RegionTwo", kind: "region", insertText: "RegionTwo" },
    ]);
    expect(at(`${HEAD}  db: { type: OS::Heat::None, region: |`, ["RegionOne"])).toEqual(["RegionOne"]);
    expect(at(`${HEAD}    deletion_policy: |`)).toContain("Snapshot");
    expect(at(`heat_template_version: |`)).toContain("wallaby");
  });
});

describe("typing never throws", () => {
  const broken = [
    "", "|", "resources:\n  a: {{{ [[ |", "resources:\n  a: { type: 'OS::|", "resources:\n  - - - |", ": : |",
    "resources:\n  a:\n    properties:\n      x: [1, {a: |", "  # comment |", "resources:\n\ta: |\n", "x: ]]}} |",
  ];
  it.each(broken)("is quiet on %j", (text) => {
    const t = text.includes("|") ? text : `${text}|`;
    expect(() => complete(t, ["R"])).not.toThrow();
    expect(() => hover(t)).not.toThrow();
  });

  it("suggests nothing inside a comment or a description", () => {
    expect(at(`${HEAD}  # type: |`)).toEqual([]);
    expect(at(`${HEAD}    description: the |`)).toEqual([]);
  });
});

describe("hover docs", () => {
  it("documents resource types", () => {
    expect(hover(`${HEAD.replace("OS::Nova::Server", "OS::Nova::Se|rver")}`)).toMatch(/^\*\*OS::Nova::Server\*\* \(Nova\)/);
  });

  it("documents properties in block and flow style", () => {
    expect(hover(`${HEAD.replace("flavor:", "fla|vor:")}`)).toMatch(/^\*\*flavor\*\* — string, required/);
    expect(hover(`${HEAD}  v: { type: OS::Cinder::Volume, properties: { si|ze: 1 } }`)).toMatch(/^\*\*size\*\*/);
  });

  it("documents functions with the version they arrived in", () => {
    expect(hover("x: { get_a|ttr: [a, b] }")).toMatch(/attribute of a resource.*Since 2013-05-23/s);
    expect(hover(`${HEAD}      image: { str_sp|lit: [",", "a,b"] }`)).toMatch(/Since 2015-10-15/);
  });

  it("documents attributes and referenced resources", () => {
    expect(hover(`${HEAD}outputs:\n  ip: { value: { get_attr: [web, first_add|ress] } }`)).toMatch(/^\*\*first_address\*\* \(attribute of web\)/);
    expect(hover(`${HEAD}    depends_on: [n|et]`)).toBe("**net** — resource of type OS::Neutron::Net");
    expect(hover(`${HEAD}      key_name: { get_param: key_n|ame }`)).toBe("**key_name** — parameter of this template");
  });

  it("has nothing to say about section names or plain values", () => {
    expect(hover("resou|rces:\n")).toBeUndefined();
    expect(hover(`${HEAD.replace("m1.small", "m1.sm|all")}`)).toBeUndefined();
  });
});
