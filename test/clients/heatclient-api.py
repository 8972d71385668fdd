"""Drives Hearth through heatclient's Python API (keystoneauth session, as a Heat user's script would).

Usage: heatclient-api.py <auth_url> <password> <template_file>
Prints one JSON object with what it saw; exits non-zero on any client error.
"""
import json
import sys
import time

from heatclient import client as heat_client
from keystoneauth1 import session
from keystoneauth1.identity import v3

auth_url, password, template_file = sys.argv[1:4]
auth = v3.Password(auth_url=auth_url, username="admin", password=password, project_name="admin",
                   user_domain_name="Default", project_domain_name="Default")
heat = heat_client.Client("1", session=session.Session(auth=auth), region_name="RegionTwo")

with open(template_file) as f:
    template = f.read()
created = heat.stacks.create(stack_name="py-stack", template=template, parameters={"greeting": "from-python"})
stack_id = created["stack"]["id"]
for _ in range(600):
    stack = heat.stacks.get(stack_id)
    if not stack.stack_status.endswith("IN_PROGRESS"):
        break
    time.sleep(0.1)
result = {
    "status": stack.stack_status,
    "names": [s.stack_name for s in heat.stacks.list()],
    "output": heat.stacks.output_show("py-stack", "said")["output"]["output_value"],
    "resources": sorted(r.resource_name for r in heat.resources.list(stack_id)),
    "events": len(heat.events.list(stack_id)),
    "types": "OS::Heat::TestResource" in [t.resource_type for t in heat.resource_types.list()],
    "versions": len(heat.template_versions.list()) > 0,
    "validate": heat.stacks.validate(template=template)["Description"],
}
heat.stacks.delete(stack_id)
print(json.dumps(result))
