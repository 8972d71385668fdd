/**
 * The hostile-input cases of the limits (issue 13, findings 3 and 6): each is a request that once cost
 * the server unbounded memory or time, or changed the input silently, with the clear refusal Hearth
 * answers now. test/hostile/limits.test.ts runs each against the REST API and the CLI; bench/hostile.ts
 * measures them. Add a case here and both pick it up.
 */
import type { EngineLimits } from "../../lib/engine/limits";

/** One hostile request and how it is refused. */
export interface HostileCase {
  name: string;
  /** validate: POST /validate and `hearth validate`; create: POST /stacks and `hearth stack create --wait`. */
  action: "validate" | "create";
  /** The template (text, or raw bytes that need not be UTF-8), named template.yaml on disk. */
  template: string | Uint8Array;
  /** Files beside the template (provider templates, get_file targets), by name. */
  files?: Record<string, string>;
  /** An environment file's text (env.yaml on disk). */
  environment?: string;
  /** Limits the case runs under, over Heat's defaults. */
  limits?: Partial<EngineLimits>;
  /** --parameter values (the API sends them as `parameters`). */
  parameters?: Record<string, string>;
  /** A case that only one surface can carry (a request body limit, say); both when absent. */
  only?: "api" | "cli";
  /** Stacks created before the hostile request (a project at its stack limit, say). */
  before?: number;
  /** The refusal (API error message, CLI error output; a create that starts: the stack's status reason). */
  refusal: RegExp;
  /** Where it is, as both surfaces print it (line:column or the template path). */
  where?: RegExp;
  /** Whether an accepted create may start and then fail (Heat refuses a group's nested stack only when it is made). */
  failsAtCreate?: boolean;
}

const HOT = "heat_template_version: 2018-08-31\n";

/** A list parameter of `n` strings, as a JSON default. */
const listParam = (n: number) => `[${Array.from({ length: n }, (_, i) => `"v${i}"`).join(",")}]`;

/** A 15 KB template whose repeat multiplies three 1000-item lists (10^9 items). */
const REPEAT_BOMB = `${HOT}parameters:
  l: {type: json, default: ${listParam(1000)}}
outputs:
  o:
    value:
      repeat:
        template: x%a%%b%%c%
        for_each: {'%a%': {get_param: l}, '%b%': {get_param: l}, '%c%': {get_param: l}}
`;

/** str_replace doubling a 1000-character string 30 times, in 2.5 KB of template. */
function doublingReplace(): string {
  let value: unknown = "0123456789".repeat(100);
  for (let i = 0; i < 30; i++) value = { str_replace: { template: "AA", params: { A: value } } };
  return JSON.stringify({ heat_template_version: "2018-08-31", resources: { v: { type: "OS::Heat::Value", properties: { value } } } });
}

/** list_join over list_concat of one 1000-item parameter 200 times (200,000 items). */
const WIDE_CONCAT = `${HOT}parameters:
  l: {type: json, default: ${listParam(1000)}}
outputs:
  o:
    value:
      list_join: [",", {list_concat: [${Array(200).fill("{get_param: l}").join(", ")}]}]
`;

/** The billion laughs: nine levels of YAML aliases, each nine times the one before. */
function billionLaughs(): string {
  const lines = [`${HOT}description: laughs`, `l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < 9; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(",")}]`);
  return lines.join("\n") + "\nresources: {}\n";
}

/** A stack whose OS::Heat::Stack child is this same template (get_file of itself). */
const SELF_STACK = `${HOT}resources:\n  again:\n    type: OS::Heat::Stack\n    properties:\n      template: {get_file: template.yaml}\n`;

const resources = (n: number) => `${HOT}resources:\n${Array.from({ length: n }, (_, i) => `  r${i}: {type: OS::Heat::None}\n`).join("")}`;

/** A ResourceGroup whose count (a literal) takes the stack over max_resources_per_stack. */
const GROUP_OF_5000 = `${HOT}resources:\n  g:\n    type: OS::Heat::ResourceGroup\n    properties: {count: 5000, resource_def: {type: OS::Heat::None}}\n`;
/** Where both surfaces place that refusal: line:column of the count, and its path. */
const GROUP_COUNT_AT = /5:18: error: .*\(at resources\.g\.properties\.count\)/;

/** Every case. */
export const HOSTILE_CASES: HostileCase[] = [
  {
    name: "repeat multiplying lists",
    action: "validate",
    template: REPEAT_BOMB,
    refusal: /Request limit exceeded: repeat would build a list of 1000000000 items; the limit is 100000 \(max_function_list_length\)/,
    where: /outputs\.o\.value\.repeat|7:7/,
  },
  {
    name: "repeat multiplying lists (create)",
    action: "create",
    template: REPEAT_BOMB,
    refusal: /Request limit exceeded: repeat would build a list of 1000000000 items/,
    where: /outputs\.o\.value\.repeat/,
  },
  {
    name: "str_replace doubling a string",
    action: "validate",
    template: doublingReplace(),
    refusal: /Request limit exceeded: str_replace would build a string of 2048000 characters; the limit is 1048576 \(max_function_string_length\)/,
    where: /resources\.v\.properties\.value\.str_replace/,
  },
  {
    name: "list_concat of one list 200 times",
    action: "validate",
    template: WIDE_CONCAT,
    refusal: /Request limit exceeded: list_concat would build a list of 200000 items; the limit is 100000 \(max_function_list_length\)/,
    where: /outputs\.o\.value\.list_join/,
  },
  {
    name: "billion laughs (YAML aliases)",
    action: "validate",
    template: billionLaughs(),
    refusal: /Request limit exceeded: the template's YAML aliases expand too much/,
  },
  {
    name: "deeply nested JSON",
    action: "validate",
    template: `{"heat_template_version": "2018-08-31", "description": ${"[".repeat(50_000)}${"]".repeat(50_000)}}`,
    refusal: /Request limit exceeded: the template nests lists and maps more than 100 deep \(max_template_depth\)/,
    where: /1:155/,
  },
  {
    name: "deeply nested YAML lists",
    action: "validate",
    template: `${HOT}description: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`,
    refusal: /Request limit exceeded: the template nests (lists and maps more than 100 deep|too deeply to be read)/,
    where: /2:\d+/,
  },
  {
    name: "a 5000-digit number",
    action: "validate",
    template: `${HOT}parameters:\n  n: {type: number, default: ${"9".repeat(5000)}}\nresources: {}\n`,
    refusal: /Template not in valid format: the number at parameters\.n\.default is too large to be represented/,
    where: /line 3, column \d+/,
  },
  {
    name: "bytes that are not UTF-8",
    action: "validate",
    template: new Uint8Array([...new TextEncoder().encode(`${HOT}description: caf`), 0xe9, ...new TextEncoder().encode("\nresources: {}\n")]),
    refusal: /not valid UTF-8 at line \d+, column \d+ \(byte offset \d+\)/,
  },
  {
    name: "a template over max_template_size",
    action: "create",
    template: `${HOT}description: ${"x".repeat(600_000)}\nresources: {}\n`,
    refusal: /Request limit exceeded: Template size \(600062 bytes\) exceeds maximum allowed size \(524288 bytes\)\./,
  },
  {
    name: "a provider file over max_template_size",
    action: "validate",
    template: `${HOT}resources:\n  big: {type: big.yaml}\n`,
    files: { "big.yaml": `${HOT}description: ${"x".repeat(600_000)}\n` },
    refusal: /big\.yaml: Request limit exceeded: Template size \(600048 bytes\) exceeds maximum allowed size \(524288 bytes\)\./,
  },
  {
    name: "1001 resources in one stack",
    action: "create",
    template: resources(1001),
    refusal: /Request limit exceeded: Maximum resources per stack exceeded\./,
    where: /resources|2:1/,
  },
  {
    name: "a ResourceGroup of 5000",
    action: "create",
    template: GROUP_OF_5000,
    refusal: /Request limit exceeded: Maximum resources per stack exceeded\./,
    where: GROUP_COUNT_AT,
  },
  {
    name: "a ResourceGroup of 5000 (validate)",
    action: "validate",
    template: GROUP_OF_5000,
    refusal: /Request limit exceeded: Maximum resources per stack exceeded\./,
    where: GROUP_COUNT_AT,
  },
  {
    name: "a ResourceGroup sized by a parameter",
    action: "create",
    template: `${HOT}parameters:\n  n: {type: number}\nresources:\n  g:\n    type: OS::Heat::ResourceGroup\n    properties:\n      count: {get_param: n}\n      resource_def: {type: OS::Heat::None}\n`,
    parameters: { n: "1000" },
    refusal: /Request limit exceeded: Maximum resources per stack exceeded\./,
    where: /8:7: error: .*\(at resources\.g\.properties\.count\)/,
  },
  {
    name: "an AutoScalingGroup with a max_size of 5000",
    action: "validate",
    template: `${HOT}resources:\n  asg:\n    type: OS::Heat::AutoScalingGroup\n    properties:\n      min_size: 1\n      max_size: 5000\n      resource: {type: OS::Heat::None}\n`,
    refusal: /Request limit exceeded: Maximum resources per stack exceeded\./,
    where: /7:7: error: .*\(at resources\.asg\.properties\.max_size\)/,
  },
  {
    name: "an AutoScalingGroup with a desired_capacity of 2000 (max_size unknown)",
    action: "create",
    template: `${HOT}resources:\n  most:\n    type: OS::Heat::Value\n    properties: {value: 3000}\n  asg:\n    type: OS::Heat::AutoScalingGroup\n    properties:\n      min_size: 1\n      max_size: {get_attr: [most, value]}\n      desired_capacity: 2000\n      resource: {type: OS::Heat::None}\n`,
    refusal: /Request limit exceeded: Maximum resources per stack exceeded\./,
    where: /11:7: error: .*\(at resources\.asg\.properties\.desired_capacity\)/,
  },
  {
    name: "a ResourceGroup of 10^8 read from a resource at create",
    action: "create",
    template: `${HOT}resources:\n  n: {type: OS::Heat::Value, properties: {type: number, value: 100000000}}\n  g:\n    type: OS::Heat::ResourceGroup\n    properties: {count: {get_attr: [n, value]}, resource_def: {type: OS::Heat::None}}\n`,
    refusal: /CREATE_FAILED.*resources\.g: error: Request limit exceeded: Maximum resources per stack exceeded\. \(at properties\.count\)/,
    failsAtCreate: true,
  },
  {
    name: "an OS::Heat::Stack including itself",
    action: "create",
    template: SELF_STACK,
    files: { "template.yaml": SELF_STACK },
    refusal: /Request limit exceeded: Recursion depth exceeds 5\./,
    failsAtCreate: true,
  },
  {
    name: "a provider template including itself",
    action: "create",
    template: `${HOT}resources:\n  again: {type: self.yaml}\n`,
    files: { "self.yaml": `${HOT}resources:\n  again: {type: self.yaml}\n` },
    refusal: /Provider template self\.yaml includes itself: self\.yaml -> self\.yaml/,
    where: /resources\.again\.type/,
  },
  {
    name: "an environment alias to a provider that uses it",
    action: "create",
    template: `${HOT}resources:\n  again: {type: My::Again}\n`,
    files: { "again.yaml": `${HOT}resources:\n  again: {type: My::Again}\n` },
    environment: "resource_registry:\n  My::Again: again.yaml\n",
    refusal: /Provider template again\.yaml includes itself: again\.yaml -> again\.yaml/,
    where: /resources\.again\.type/,
  },
  {
    name: "a parameter value over the request body limit",
    action: "validate",
    template: `${HOT}parameters:\n  p: {type: string}\nresources: {}\n`,
    parameters: { p: "x".repeat(1_100_000) },
    only: "api",
    refusal: /Request body too large: 1100\d{3} bytes; the limit is 1048576 bytes\./,
  },
  {
    name: "a project at max_stacks_per_tenant",
    action: "create",
    template: resources(1),
    limits: { maxStacksPerTenant: 2 },
    before: 2,
    refusal: /Request limit exceeded: You have reached the maximum stacks per tenant, 2\. Please delete some stacks\./,
  },
];
