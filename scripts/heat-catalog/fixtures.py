#!/usr/bin/python3
"""Asks real Heat 19 what it says of the example templates under test/heat-catalog/fixtures/.

Each fixture is an unchanged template from openstack/heat-templates (Apache-2.0) that uses types Hearth
lacks, with an environment giving its parameters. For each, the oracle's validate.py runs twice:
`template` mode (= `openstack orchestration template validate`) and `strict` mode (the checks of
`stack create` before anything is created). Heat's answers go to <fixture>.heat.json beside it.

Usage:
  /usr/bin/python3 scripts/heat-catalog/fixtures.py --oracle /work/shared/tools/heat-oracle/validate.py
  (or HEAT_ORACLE=/path/to/validate.py)
"""
import argparse
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.path.join(REPO, 'test', 'heat-catalog', 'fixtures')
UPSTREAM = 'https://opendev.org/openstack/heat-templates/src/commit/'
HEAD = '29b8ce6c5ea5d2f97ccb5752a04cf4c101185457'  # master, August 2025
Y2014 = '3754320f2bd1910f0e2470fdfdbca5f4113a46c4'  # January 2014

FIXTURES = [
    # SoftwareConfig declaring an output, deployments reading it: get_attr [deployment, result]
    ('software-config-script.yaml', HEAD, 'hot/software-config/example-templates/example-script-template.yaml'),
    # Router with external_gateway_info, router interface, floating IPs; ports by network_id (hidden)
    ('servers-in-new-neutron-net.yaml', HEAD, 'hot/servers_in_new_neutron_net.yaml'),
    # The same example as it was: the hidden OS::Neutron::RouterGateway, floating_network_id (hidden)
    ('servers-router-gateway-2013.yaml', Y2014, 'hot/servers_in_new_neutron_net.yaml'),
    # AWSTemplateFormatVersion (CFN JSON): EIP, EIPAssociation, EC2 SecurityGroup and Instance
    ('cfn-wordpress-eip.template', HEAD, 'cfn/F17/WordPress_Single_Instance_With_EIP.template'),
]
MODES = ('template', 'strict')
UNSTABLE = ('seconds', 'template')  # timing, and the absolute path of this checkout


def env_of(fixture):
    return os.path.splitext(fixture)[0] + '.env.yaml'


def run_oracle(oracle, mode, fixture):
    """One validate.py verdict (it exits 1 when Heat refuses: that is an answer, not a failure)."""
    cmd = ['/usr/bin/python3', oracle, '--mode', mode, '--jsonl', '-e', env_of(fixture), fixture]
    proc = subprocess.run(cmd, cwd=DIR, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONHASHSEED='0'))
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    if len(lines) != 1:
        sys.exit('oracle gave no verdict for %s (%s): %s' % (fixture, mode, proc.stderr[-2000:]))
    verdict = json.loads(lines[0])
    return {k: v for k, v in sorted(verdict.items()) if k not in UNSTABLE}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--oracle', default=os.environ.get('HEAT_ORACLE'),
                    help="path of the oracle's validate.py (default: $HEAT_ORACLE)")
    args = ap.parse_args()
    if not args.oracle:
        ap.error('give --oracle PATH or set HEAT_ORACLE')
    for fixture, commit, source in FIXTURES:
        answer = {'fixture': fixture, 'environment': env_of(fixture), 'source': UPSTREAM + commit + '/' + source,
                  'generated_by': 'scripts/heat-catalog/fixtures.py'}
        for mode in MODES:
            answer[mode] = run_oracle(os.path.abspath(args.oracle), mode, fixture)
        out = os.path.join(DIR, os.path.splitext(fixture)[0] + '.heat.json')
        with open(out, 'w') as f:
            json.dump(answer, f, sort_keys=True, indent=1, ensure_ascii=False)
            f.write('\n')
        print('%s: template %s, strict %s' % (fixture, answer['template']['ok'], answer['strict']['ok']))


if __name__ == '__main__':
    main()
