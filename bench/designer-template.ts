/**
 * The designer benchmarks' template: about `n` resources in three regions, per group a net, a
 * subnet and a server with get_resource references, depends_on and comments.
 */

/** The regions the template spreads over. */
export const BENCH_REGIONS = ["RegionOne", "RegionTwo", "RegionThree"];

/** A template of about `n` resources; `salt` (in comments) makes every resource's text new. */
export function benchTemplate(n: number, salt = ""): string {
  const lines = ["heat_template_version: 2018-08-31", "# generated for the designer benchmark", "description: bench", "", "resources:"];
  const note = salt && ` # ${salt}`;
  for (let g = 0; g * 3 < n; g++) {
    const region = BENCH_REGIONS[g % BENCH_REGIONS.length];
    lines.push(
      `  net_${g}:   # group ${g}${salt}`,
      "    type: OS::Neutron::Net",
      `    region: ${region}`,
      `  subnet_${g}:${note}`,
      "    type: OS::Neutron::Subnet",
      `    region: ${region}`,
      "    properties:",
      `      network: { get_resource: net_${g} }`,
      `      cidr: 10.${g % 250}.0.0/24`,
      `  server_${g}:${note}`,
      "    type: OS::Nova::Server",
      `    region: ${region}`,
      `    depends_on: subnet_${g}`,
      "    properties:",
      "      flavor: m1.small",
      "      networks:",
      `        - network: { get_resource: net_${g} }`,
    );
  }
  return lines.join("\n") + "\n";
}
