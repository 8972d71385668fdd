/**
 * HOT template versions: canonical dates, release-name aliases, and what each version allows
 * (sections, resource keys, output keys, parameter keys, constraint kinds, deletion policies).
 */
import { FUNCTION_TABLES, functionNames } from "../functions";
import { CFN_VERSIONS, cfnFunctionTable, type CfnVersionKey } from "../functions/cfn";

/** What one template version (HOT, or CFN read as HOT: template/cfn.ts) allows. */
export interface TemplateVersion {
  /** Canonical date, e.g. "2016-10-14". */
  date: string;
  /** The template format: HOT (heat_template_version) or CFN (AWSTemplateFormatVersion, HeatTemplateFormatVersion). */
  format: "hot" | "cfn";
  /** Release-name aliases, e.g. ["newton"]. */
  aliases: string[];
  sections: string[];
  resourceKeys: string[];
  outputKeys: string[];
  parameterKeys: string[];
  /** The modulo parameter constraint exists (2017-02-24 on). */
  modulo: boolean;
  deletionPolicies: string[];
}

const DATES = [
  "2013-05-23", "2014-10-16", "2015-04-30", "2015-10-15", "2016-04-08", "2016-10-14", "2017-02-24",
  "2017-09-01", "2018-03-02", "2018-08-31", "2021-04-16",
];
const ALIASES: Record<string, string> = {
  newton: "2016-10-14",
  ocata: "2017-02-24",
  pike: "2017-09-01",
  queens: "2018-03-02",
  rocky: "2018-08-31",
  wallaby: "2021-04-16",
};

function describe(date: string): TemplateVersion {
  const conditions = date >= "2016-10-14";
  const policies = ["Delete", "Retain", "Snapshot"];
  return {
    date,
    format: "hot",
    aliases: Object.keys(ALIASES).filter((a) => ALIASES[a] === date),
    sections: ["heat_template_version", "description", "parameter_groups", "parameters", "resources", "outputs",
      ...(conditions ? ["conditions"] : [])],
    resourceKeys: ["type", "properties", "metadata", "depends_on", "deletion_policy", "update_policy", "description",
      ...(conditions ? ["external_id", "condition"] : [])],
    outputKeys: ["description", "value", ...(conditions ? ["condition"] : [])],
    parameterKeys: ["type", "description", "default", "schema", "constraints", "hidden", "label", "immutable",
      ...(date >= "2018-03-02" ? ["tags"] : [])],
    modulo: date >= "2017-02-24",
    deletionPolicies: conditions ? [...policies, ...policies.map((p) => p.toLowerCase())] : policies,
  };
}

/** Every supported version, oldest first. */
export const TEMPLATE_VERSIONS: readonly TemplateVersion[] = DATES.map(describe);

/** The version a `heat_template_version` value names (a date or an alias), if any. */
export function findVersion(value: string): TemplateVersion | undefined {
  const date = ALIASES[value] ?? value;
  return TEMPLATE_VERSIONS.find((v) => v.date === date);
}

/** Every valid `heat_template_version` value, as Heat lists them in its error message. */
export function validVersionValues(): string[] {
  return [...DATES, ...Object.keys(ALIASES).sort()];
}

/** One entry of GET /template_versions (plus the functions each version has). */
export interface TemplateVersionInfo {
  version: string;
  type: "hot" | "cfn";
  aliases: string[];
  functions: string[];
  conditionFunctions: string[];
}

/** Canonical dates, aliases and function names per version, CFN ones first as Heat lists them (for GET /template_versions). */
export function listTemplateVersions(): TemplateVersionInfo[] {
  const cfn = (Object.keys(CFN_VERSIONS) as CfnVersionKey[]).map((key): TemplateVersionInfo => {
    const table = cfnFunctionTable(key, {});
    return {
      version: `${key}.${CFN_VERSIONS[key]}`,
      type: "cfn",
      aliases: [],
      functions: Object.keys(table.functions).sort(),
      conditionFunctions: Object.keys(table.conditionFunctions).sort(),
    };
  });
  return [...cfn, ...TEMPLATE_VERSIONS.map((v): TemplateVersionInfo => ({
    version: `heat_template_version.${v.date}`,
    type: "hot",
    aliases: v.aliases,
    functions: functionNames(v.date),
    conditionFunctions: Object.keys(FUNCTION_TABLES[v.date].conditionFunctions).sort(),
  }))];
}
