/**
 * One function table per HOT version, as Heat's template classes define them: which names are
 * functions, which argument forms they take, which are removed (an error), and which may be used
 * inside the `conditions` section.
 */
import { cfnBase64, cfnJoin, cfnSplit, removed, resourceFacade, unsupported, yaql } from "./misc";
import { cfnSelect, filter, listConcat, mapMerge, mapReplace, repeat } from "./collections";
import { and, contains, equals, ifMacro, not, or } from "./conditions";
import { makeUrl } from "./make-url";
import { cfnRef, getAttr, getFile, getParam, getResource } from "./references";
import { digest, listJoin, strReplace, strSplit } from "./strings";
import type { FunctionSpec } from "./types";

/** A version's functions: the main table and the names allowed in conditions. */
export interface FunctionTable {
  functions: Record<string, FunctionSpec>;
  conditionFunctions: Record<string, FunctionSpec>;
}

const REMOVED_2014 = ["Fn::GetAZs", "Fn::Join", "Fn::Split", "Fn::Replace", "Fn::Base64", "Fn::MemberListToMap", "Fn::ResourceFacade", "Ref"];

const base2013: Record<string, FunctionSpec> = {
  "Fn::GetAZs": unsupported("Fn::GetAZs"),
  get_param: getParam,
  get_resource: getResource,
  Ref: cfnRef,
  get_attr: getAttr("get_attr/then-select", false),
  "Fn::Select": cfnSelect,
  "Fn::Join": cfnJoin,
  list_join: listJoin("list_join/single", false),
  "Fn::Split": cfnSplit,
  str_replace: strReplace("str_replace/plain", { json: false, strict: false, vstrict: false }),
  "Fn::Replace": unsupported("Fn::Replace"),
  "Fn::Base64": cfnBase64,
  "Fn::MemberListToMap": unsupported("Fn::MemberListToMap"),
  resource_facade: resourceFacade,
  "Fn::ResourceFacade": unsupported("Fn::ResourceFacade"),
  get_file: getFile,
};

const withRemoved = (fns: Record<string, FunctionSpec>, names: string[]) =>
  ({ ...fns, ...Object.fromEntries(names.map((n) => [n, removed])) }) as Record<string, FunctionSpec>;

const v20141016 = withRemoved(
  {
    get_attr: getAttr("get_attr/getatt", false),
    get_file: getFile,
    get_param: getParam,
    get_resource: getResource,
    list_join: listJoin("list_join/single", false),
    resource_facade: base2013.resource_facade,
    str_replace: base2013.str_replace,
    "Fn::Select": cfnSelect,
  },
  REMOVED_2014,
);
const v20150430 = { ...v20141016, repeat: repeat("repeat/list", { maps: false, permutations: false }), digest };
const v20151015 = withRemoved(
  {
    ...v20150430,
    get_attr: getAttr("get_attr/all-attributes", true),
    list_join: listJoin("list_join/multiple", true),
    str_replace: strReplace("str_replace/json", { json: true, strict: false, vstrict: false }),
    str_split: strSplit,
  },
  ["Fn::Select"],
);
const v20160408 = { ...v20151015, map_merge: mapMerge };
const v20161014 = {
  ...v20160408,
  yaql,
  map_replace: mapReplace,
  if: ifMacro("if", false),
  repeat: repeat("repeat/map", { maps: true, permutations: false }),
};
const v20170224 = {
  ...v20161014,
  filter,
  str_replace_strict: strReplace("str_replace_strict", { json: true, strict: true, vstrict: false }),
};
const v20170901 = {
  ...v20170224,
  repeat: repeat("repeat/nested-loop", { maps: true, permutations: true }),
  make_url: makeUrl,
  list_concat: listConcat("list_concat", false),
  str_replace_vstrict: strReplace("str_replace_vstrict", { json: true, strict: true, vstrict: true }),
  list_concat_unique: listConcat("list_concat_unique", true),
  contains,
};
const v20210416 = { ...v20170901, if: ifMacro("if/nullable", true) };

const cond2016 = { get_param: getParam, equals, not, and, or };
const cond2017 = { ...cond2016, yaql, contains };

/** Function tables keyed by canonical version date. */
export const FUNCTION_TABLES: Record<string, FunctionTable> = {
  "2013-05-23": { functions: base2013, conditionFunctions: {} },
  "2014-10-16": { functions: v20141016, conditionFunctions: {} },
  "2015-04-30": { functions: v20150430, conditionFunctions: {} },
  "2015-10-15": { functions: v20151015, conditionFunctions: {} },
  "2016-04-08": { functions: v20160408, conditionFunctions: {} },
  "2016-10-14": { functions: v20161014, conditionFunctions: cond2016 },
  "2017-02-24": { functions: v20170224, conditionFunctions: cond2016 },
  "2017-09-01": { functions: v20170901, conditionFunctions: cond2017 },
  "2018-03-02": { functions: v20170901, conditionFunctions: cond2017 },
  "2018-08-31": { functions: v20170901, conditionFunctions: cond2017 },
  "2021-04-16": { functions: v20210416, conditionFunctions: cond2017 },
};

/** Names that are live (not removed) functions in a version, sorted. */
export function functionNames(version: string): string[] {
  const t = FUNCTION_TABLES[version];
  return Object.keys(t.functions).filter((n) => t.functions[n] !== removed).sort();
}

const FIRST_VERSION = new Map<string, string>();
for (const v of Object.keys(FUNCTION_TABLES).sort()) {
  for (const [name, spec] of Object.entries(FUNCTION_TABLES[v].functions)) {
    if (spec !== removed && !FIRST_VERSION.has(name)) FIRST_VERSION.set(name, v);
  }
}

/** The first version (by date) in which `name` is a live function, if any. */
export function firstVersionWith(name: string): string | undefined {
  return FIRST_VERSION.get(name);
}

/** True when the spec marks a function removed in this version. */
export const isRemoved = (spec: FunctionSpec) => spec === removed;
