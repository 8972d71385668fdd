#!/usr/bin/python3
"""Dumps real OpenStack Heat 19's resource catalogue as data for Hearth.

Boots Heat in-process with the oracle's heat_boot.py (never copied here) and writes

  lib/engine/resources/catalog/heat-type-list.json    resource_types: the body of
                      GET /resource_types?with_description=true (what `openstack orchestration
                      resource type list --long` shows; for the tests, apart so the browser's
                      catalogue does not carry it)
  lib/engine/resources/catalog/heat-types.json        every resource type Heat registers:
      types           per type, "show": the body of GET /resource_types/{type}?with_description=true,
                      plus what that answer leaves out but templates still meet (hidden types and
                      properties, property/attribute support status, lifecycle handlers)
  lib/engine/resources/catalog/heat-environment.json  Heat's default environment (environment.d
                      aliases, the provider templates they name, the custom constraint names)

Usage:
  /usr/bin/python3 scripts/heat-catalog/dump.py --heat-boot /work/shared/tools/heat-oracle/heat_boot.py
  (or HEAT_BOOT=/path/to/heat_boot.py); --out DIR overrides the output folder.
"""
import argparse
import importlib.util
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUT = os.path.join(REPO, 'lib', 'engine', 'resources', 'catalog')
SCRIPT = 'scripts/heat-catalog/dump.py'
LIFECYCLE = ('create', 'update', 'delete', 'suspend', 'resume', 'check', 'signal', 'snapshot',
             'restore', 'adopt', 'abandon')
# Debian's heat-common installs its environment under /etc/heat; the oracle copies it elsewhere.
ETC_HEAT = 'file:///etc/heat/'


def load_heat_boot(path):
    """Imports the oracle's heat_boot module from an explicit path."""
    spec = importlib.util.spec_from_file_location('heat_boot', path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    spec.loader.exec_module(module)
    return module


def jsonable(value):
    """Heat's answer as the REST API serializes it (lazy translations become strings)."""
    return json.loads(json.dumps(value, default=str))


def non_default_status(support_status):
    """A support status worth recording beside a property or attribute (anything but plain SUPPORTED)."""
    d = support_status.to_dict()
    return d if d['status'] != 'SUPPORTED' or d['previous_status'] else None


def property_extras(properties_schema, support):
    """What GET /resource_types/{type} leaves out of a type's properties.

    hidden_properties: top-level properties with HIDDEN status (Heat drops them from the answer, yet
    templates may still set them, usually translated to their successor); unimplemented_properties:
    implemented=False (also dropped); property_status: non-SUPPORTED status by dotted path ("*" for
    list items), nested ones included.
    """
    from heat.engine import properties
    hidden, unimplemented, status = {}, {}, {}

    def walk(prefix, schema):
        st = non_default_status(schema.support_status)
        if st:
            status[prefix] = st
        for key, sub in (schema.schema or {}).items():
            walk('%s.%s' % (prefix, key), sub)

    for name, raw in properties_schema.items():
        schema = properties.Schema.from_legacy(raw)
        if not schema.implemented:
            unimplemented[name] = dict(schema)
        elif schema.support_status.status == support.HIDDEN:
            hidden[name] = dict(schema)
        walk(name, schema)
    return {'hidden_properties': hidden, 'unimplemented_properties': unimplemented,
            'property_status': status}


def attribute_extras(resource_class, support):
    """Hidden attributes (dropped from the answer, still resolvable) and non-SUPPORTED attribute status."""
    from heat.engine import attributes
    hidden, status = {}, {}
    merged = dict(resource_class.attributes_schema)
    merged.update(resource_class.base_attributes_schema)
    for name, raw in merged.items():
        schema = attributes.Schema.from_attribute(raw)
        if schema.support_status.status == support.HIDDEN:
            hidden[name] = dict(schema)
        st = non_default_status(schema.support_status)
        if st:
            status[name] = st
    return {'hidden_attributes': hidden, 'attribute_status': status}


def handlers(resource_class, base):
    """Lifecycle actions the plugin implements itself (handle_<action> not inherited from Resource)."""
    return [a for a in LIFECYCLE
            if getattr(resource_class, 'handle_' + a, None) is not getattr(base, 'handle_' + a, None)]


def type_entry(svc, ctx, name, support, base):
    """One type: Heat's show answer (for a hidden type, the answer Heat builds once unhidden), extras."""
    from heat.engine import resources
    cls = resources.global_env().get_class(name)
    entry = {}
    if cls.support_status.status == support.HIDDEN:
        try:
            svc.resource_schema(ctx, name, True)
        except Exception as ex:  # NotSupported: Heat refuses to show a hidden type
            entry['show_error'] = {'class': type(ex).__name__, 'message': str(ex)}
        real = cls.support_status.status
        cls.support_status.status = support.SUPPORTED
        try:
            entry['show'] = svc.resource_schema(ctx, name, True)
        finally:
            cls.support_status.status = real
        entry['show']['support_status'] = cls.support_status.to_dict()
    else:
        entry['show'] = svc.resource_schema(ctx, name, True)
    extras = dict(property_extras(cls.properties_schema, support))
    extras.update(attribute_extras(cls, support))
    extras['handlers'] = handlers(cls, base)
    # A plugin with its own get_attribute (None, deployments, groups, nested stacks) answers names its
    # schema does not list: Heat's template validation accepts any get_attr name on it.
    extras['open_attributes'] = cls.get_attribute is not base.get_attribute
    # OS::Heat::None and the retired types Heat now runs on it (HARestarter ...) accept any property.
    from heat.engine.resources.openstack.heat.none_resource import NoneResource
    extras['open_properties'] = issubclass(cls, NoneResource)
    client = getattr(cls, 'default_client_name', None)
    if client:
        extras['client'] = client
    entry.update({k: v for k, v in extras.items() if v})
    return jsonable(entry)


def catalogue(heat_boot):
    """Every class and template resource type of Heat's global environment (aliases are in the environment)."""
    from heat.engine import environment, resource, resources, service, support
    ctx = heat_boot.make_context(is_admin=True)
    svc = service.EngineService('oracle-host', 'engine')
    listed = sorted(jsonable(svc.list_resource_types(ctx, with_description=True)),
                    key=lambda t: t['resource_type'])
    registry = resources.global_env().registry._registry
    names = sorted(n for n, info in registry.items()
                   if isinstance(info, (environment.ClassResourceInfo, environment.TemplateResourceInfo)))
    types = {n: type_entry(svc, ctx, n, support, resource.Resource) for n in names}
    return listed, types


def normalise_paths(value, etc_dir):
    """Rewrites the oracle's copy of /etc/heat back to Debian's path, so the dump is machine-independent."""
    local = 'file://' + etc_dir.rstrip('/') + '/'
    if isinstance(value, str):
        return value.replace(local, ETC_HEAT)
    if isinstance(value, dict):
        return {k: normalise_paths(v, etc_dir) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise_paths(v, etc_dir) for v in value]
    return value


def default_environment(etc_dir):
    """environment.d files as Heat reads them, the registry entries they make, the templates they name."""
    import yaml
    from heat.engine import environment, resources
    env_dir = os.path.join(etc_dir, 'environment.d')
    files = {}
    for fname in sorted(os.listdir(env_dir)):
        with open(os.path.join(env_dir, fname)) as f:
            files[fname] = normalise_paths(yaml.safe_load(f) or {}, etc_dir)
    aliases = []
    for name, info in sorted(resources.global_env().registry._registry.items()):
        if isinstance(info, environment.ClassResourceInfo) or isinstance(info, dict):
            continue
        aliases.append({'name': name, 'kind': type(info).__name__,
                        'target': normalise_paths(info.value, etc_dir)})
    templates = {}
    tdir = os.path.join(etc_dir, 'templates')
    for fname in sorted(os.listdir(tdir)):
        with open(os.path.join(tdir, fname)) as f:
            templates[ETC_HEAT + 'templates/' + fname] = f.read()
    constraints = sorted(resources.global_env().constraints)
    return {'environment_d': files, 'registry_aliases': aliases, 'templates': templates,
            'custom_constraints': constraints}


def header(heat_boot, what):
    return {'generated_by': SCRIPT, 'from': 'OpenStack Heat %s (Zed, Debian python3-heat), in-process'
            % heat_boot.HEAT_VERSION, 'heat_version': heat_boot.HEAT_VERSION, 'content': what,
            'note': 'Generated data: do not edit; run the script again.'}


def write(path, data):
    with open(path, 'w') as f:
        json.dump(data, f, sort_keys=True, indent=1, ensure_ascii=False)
        f.write('\n')
    print('wrote %s (%d bytes)' % (os.path.relpath(path, REPO), os.path.getsize(path)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--heat-boot', default=os.environ.get('HEAT_BOOT'),
                    help="path of the oracle's heat_boot.py (default: $HEAT_BOOT)")
    ap.add_argument('--out', default=DEFAULT_OUT, help='output folder')
    args = ap.parse_args()
    if not args.heat_boot:
        ap.error('give --heat-boot PATH or set HEAT_BOOT')
    heat_boot = load_heat_boot(args.heat_boot)
    heat_boot.boot()
    from oslo_config import cfg
    etc_dir = os.path.dirname(cfg.CONF.environment_dir.rstrip('/'))
    listed, types = catalogue(heat_boot)
    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, 'heat-type-list.json'), {
        'generated': header(heat_boot, 'GET /resource_types (with_description=true): the types Heat lists'),
        'resource_types': listed})
    write(os.path.join(args.out, 'heat-types.json'), {
        'generated': header(heat_boot, 'GET /resource_types/{type} (with_description=true) for every '
                            'registered type, plus extras'),
        'types': types})
    write(os.path.join(args.out, 'heat-environment.json'), dict(
        generated=header(heat_boot, "Heat's default (global) environment"), **default_environment(etc_dir)))


if __name__ == '__main__':
    main()
