import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@/lib/engine/diagnostics";
import type { ParameterDefinition } from "@/lib/engine/template/types";
import { allowedValues, fieldKind, initialValues, isAboutParameter, orderParameters, parametersToSend, toFieldText } from "./parameter-model";

function param(name: string, patch: Partial<ParameterDefinition> = {}): ParameterDefinition {
  return { name, type: "string", hidden: false, immutable: false, constraints: [], ...patch };
}

const parameters = {
  flavor: param("flavor", { constraints: [{ allowedValues: ["m1.small", "m1.large"] }] }),
  image: param("image", { default: "cirros" }),
  password: param("password", { hidden: true }),
  count: param("count", { type: "number", default: 2 }),
  debug: param("debug", { type: "boolean" }),
  meta: param("meta", { type: "json", default: { a: 1 } }),
  zones: param("zones", { type: "comma_delimited_list", default: ["az1", "az2"] }),
};

describe("orderParameters", () => {
  it("puts groups first in their order, then the rest in template order", () => {
    const sections = orderParameters(parameters, [
      { label: "Server", parameters: ["image", "flavor"] },
      { label: "Secrets", description: "kept hidden", parameters: ["password", "missing"] },
    ]);
    expect(sections).toEqual([
      { label: "Server", description: undefined, names: ["image", "flavor"] },
      { label: "Secrets", description: "kept hidden", names: ["password"] },
      { label: "Other parameters", names: ["count", "debug", "meta", "zones"] },
    ]);
  });

  it("gives one untitled section when there are no groups", () => {
    expect(orderParameters({ a: param("a"), b: param("b") }, [])).toEqual([{ label: undefined, names: ["a", "b"] }]);
  });

  it("gives no sections for a template without parameters", () => {
    expect(orderParameters({}, [])).toEqual([]);
  });
});

describe("fieldKind", () => {
  it("chooses the input for each parameter", () => {
    expect(fieldKind(parameters.flavor)).toBe("select");
    expect(fieldKind(parameters.image)).toBe("text");
    expect(fieldKind(parameters.password)).toBe("password");
    expect(fieldKind(parameters.count)).toBe("number");
    expect(fieldKind(parameters.debug)).toBe("boolean");
    expect(fieldKind(parameters.meta)).toBe("multiline");
    expect(fieldKind(parameters.zones)).toBe("text");
  });

  it("prefers a select over a password for a hidden parameter with allowed values", () => {
    expect(fieldKind(param("p", { hidden: true, constraints: [{ allowedValues: ["x"] }] }))).toBe("select");
  });
});

describe("allowedValues", () => {
  it("reads the allowed_values constraint", () => {
    expect(allowedValues(parameters.flavor)).toEqual(["m1.small", "m1.large"]);
    expect(allowedValues(param("x", { constraints: [{ length: { min: 1 } }] }))).toBeUndefined();
  });
});

describe("values", () => {
  it("turns defaults into editable text", () => {
    expect(toFieldText(["az1", "az2"])).toBe("az1,az2");
    expect(toFieldText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(toFieldText(2)).toBe("2");
    expect(toFieldText(undefined)).toBe("");
  });

  it("starts from defaults but keeps what the user typed", () => {
    const values = initialValues(parameters, { image: "fedora", gone: "x" });
    expect(values.image).toBe("fedora");
    expect(values.count).toBe("2");
    expect(values.password).toBe("");
    expect(values).not.toHaveProperty("gone");
  });

  it("sends non-empty fields of declared parameters only", () => {
    expect(parametersToSend(parameters, { image: "cirros", password: "", count: "3", stale: "x" })).toEqual({ image: "cirros", count: "3" });
  });
});

describe("isAboutParameter", () => {
  it("matches diagnostics whose path starts with parameters.<name>", () => {
    const d: Diagnostic = { severity: "error", code: "parameter.value", message: "bad", path: ["parameters", "count"] };
    expect(isAboutParameter(d, "count")).toBe(true);
    expect(isAboutParameter(d, "image")).toBe(false);
    expect(isAboutParameter({ ...d, path: ["resources", "count"] }, "count")).toBe(false);
  });
});
