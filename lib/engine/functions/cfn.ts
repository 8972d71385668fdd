/**
 * The functions of CFN-format templates (AWSTemplateFormatVersion 2010-09-09 and
 * HeatTemplateFormatVersion 2012-12-12), as Heat's cfn template classes define them: the main
 * tables, the condition table, and the CFN-only functions (Fn::FindInMap, Fn::GetAZs,
 * Fn::Replace, Fn::MemberListToMap, the CFN forms of Fn::GetAtt, Fn::Not and resource facade).
 * Fn::FindInMap reads the template's Mappings, so a table is made per template.
 */
import { cfnSelect } from "./collections";
import { and, equals, ifMacro, not, or } from "./conditions";
import { cfnBase64, cfnJoin, cfnSplit, unsupported } from "./misc";
import { pyRepr } from "./python";
import { cfnRef, getAttr } from "./references";
import { strReplace } from "./strings";
import type { FunctionTable } from "./table";
import { FnCall, FunctionError, isMapping, type FunctionSpec } from "./types";

/** The CFN format versions Heat 19 registers, by version key. */
export const CFN_VERSIONS = { AWSTemplateFormatVersion: "2010-09-09", HeatTemplateFormatVersion: "2012-12-12" } as const;

/** A CFN version key. */
export type CfnVersionKey = keyof typeof CFN_VERSIONS;

/** Fn::FindInMap: [mapping, key, value] looked up in the template's Mappings. */
function findInMap(mappings: Record<string, unknown>): FunctionSpec {
  return {
    kind: "Fn::FindInMap",
    check(args, call) {
      if (!Array.isArray(args) || args.length !== 3) {
        const n = Array.isArray(args) ? args.length : 0;
        const reason = n > 3 ? "too many values to unpack (expected 3)" : `not enough values to unpack (expected 3, got ${n})`;
        throw new FunctionError(reason, call.path);
      }
    },
    resolve(call, ctx) {
      const [map, key, value] = (call.args as unknown[]).map((a) => ctx.resolve(a));
      const lookup = (container: unknown, name: unknown): unknown => {
        if (!isMapping(container) || typeof name !== "string" || !(name in container)) {
          throw new FunctionError(`"${call.name}": ${pyRepr(name)} is not in the mapping`, call.path);
        }
        return container[name];
      };
      return lookup(lookup(lookup(mappings, map), key), value);
    },
  };
}

/** Fn::GetAZs: the availability zones of the region; the simulated cloud has one, "nova". */
const getAZs: FunctionSpec = {
  kind: "Fn::GetAZs",
  resolve: () => ["nova"],
};

const getAttThenSelect = getAttr("Fn::GetAtt", false);

/** Fn::GetAtt: exactly [resource_name, attribute]. */
const cfnGetAtt: FunctionSpec = {
  ...getAttThenSelect,
  check(args, call) {
    if (!Array.isArray(args) || args.length !== 2) {
      throw new FunctionError(`Arguments to "${call.name}" must be of the form [resource_name, attribute]`, call.path);
    }
    getAttThenSelect.check?.(args, call);
  },
};

const plainReplace = strReplace("Fn::Replace", { json: false, strict: false, vstrict: false });

/** Fn::Replace: [{key: value, ...}, string], str_replace with its arguments in CFN's order. */
const cfnReplace: FunctionSpec = {
  kind: "Fn::Replace",
  check(args, call) {
    const example = `{"${call.name}": [ {"$var1": "foo", "%var2%": "bar"}, "$var1 is %var2%"]}`;
    if (!Array.isArray(args) || args.length !== 2) {
      throw new FunctionError(`Incorrect arguments to "${call.name}" should be: ${example}`, call.path);
    }
    plainReplace.check?.({ params: args[0], template: args[1] }, call);
  },
  resolve(call, ctx) {
    const [params, template] = call.args as unknown[];
    return plainReplace.resolve(new FnCall(plainReplace, call.name, { params, template }, call.path), ctx);
  },
};

/** Fn::MemberListToMap: [key_name, value_name, [".member.0.<key_name>=k", ".member.0.<value_name>=v", ...]]. */
const memberListToMap: FunctionSpec = {
  kind: "Fn::MemberListToMap",
  check(args, call) {
    if (!Array.isArray(args) || args.length !== 3) {
      throw new FunctionError(`Wrong Arguments try: "{'${call.name}': ['Name', 'Value', ['.member.0.Name=key', '.member.0.Value=door']]}"`, call.path);
    }
    if (typeof args[0] !== "string") throw new FunctionError(`${call.name} Key Name must be a string`, call.path);
    if (typeof args[1] !== "string") throw new FunctionError(`${call.name} Value Name must be a string`, call.path);
  },
  resolve(call, ctx) {
    const [keyName, valueName, raw] = call.args as [string, string, unknown];
    const list = ctx.resolve(raw);
    if (!Array.isArray(list)) throw new FunctionError("Member list must be a list", call.path);
    const members = new Map<string, Record<string, string>>();
    for (const item of list) {
      if (typeof item !== "string") throw new FunctionError("Member list items must be strings", call.path);
      const eq = item.indexOf("=");
      const [name, value] = eq < 0 ? [item, ""] : [item.slice(0, eq), item.slice(eq + 1)];
      const m = /^\.member\.([0-9]+)\.(.*)$/.exec(name);
      if (!m) continue;
      const member = members.get(m[1]) ?? {};
      member[m[2]] = value;
      members.set(m[1], member);
    }
    const out: Record<string, string> = {};
    for (const index of [...members.keys()].sort((a, b) => Number(a) - Number(b))) {
      const member = members.get(index)!;
      if (keyName in member && valueName in member) out[member[keyName]] = member[valueName];
    }
    return out;
  },
};

/** Fn::ResourceFacade (provider templates): Metadata, DeletionPolicy or UpdatePolicy of the facade resource. */
const cfnResourceFacade: FunctionSpec = {
  ...unsupported("Fn::ResourceFacade"),
  check(args, call) {
    const allowed = ["Metadata", "DeletionPolicy", "UpdatePolicy"];
    if (typeof args !== "string" || !allowed.includes(args)) {
      throw new FunctionError(`Incorrect arguments to "${call.name}" should be one of: ${allowed.join(", ")}`, call.path);
    }
  },
};

/** Fn::Not: [condition], a list of exactly one. */
const cfnNot: FunctionSpec = {
  kind: "Fn::Not",
  check(args, call) {
    if (!Array.isArray(args) || args.length !== 1) {
      throw new FunctionError(`Arguments to "${call.name}" must be of the form: [condition]`, call.path);
    }
  },
  resolve: (call, ctx) => not.resolve(new FnCall(not, call.name, (call.args as unknown[])[0], call.path), ctx),
};

/** The functions of HeatTemplateFormatVersion 2012-12-12 (no conditions). */
function heatFunctions(mappings: Record<string, unknown>): Record<string, FunctionSpec> {
  return {
    "Fn::FindInMap": findInMap(mappings),
    "Fn::GetAZs": getAZs,
    Ref: cfnRef,
    "Fn::GetAtt": cfnGetAtt,
    "Fn::Select": cfnSelect,
    "Fn::Join": cfnJoin,
    "Fn::Split": cfnSplit,
    "Fn::Replace": cfnReplace,
    "Fn::Base64": cfnBase64,
    "Fn::MemberListToMap": memberListToMap,
    "Fn::ResourceFacade": cfnResourceFacade,
  };
}

/** The function tables of one CFN template; `mappings` is its Mappings section. */
export function cfnFunctionTable(key: CfnVersionKey, mappings: Record<string, unknown>): FunctionTable {
  const functions = heatFunctions(mappings);
  if (key === "HeatTemplateFormatVersion") return { functions, conditionFunctions: {} };
  return {
    functions: { ...functions, "Fn::If": ifMacro("Fn::If", false) },
    conditionFunctions: {
      "Fn::Equals": equals,
      Ref: cfnRef,
      "Fn::FindInMap": functions["Fn::FindInMap"],
      "Fn::Not": cfnNot,
      "Fn::And": and,
      "Fn::Or": or,
    },
  };
}
