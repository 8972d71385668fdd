import { describe, expect, it } from "vitest";
import { createTestEngine, type TestEngine } from "../../testing";

const P = { projectId: "p1" };
const SERVER = { type: "OS::Nova::Server", properties: { image: "cirros", flavor: "m1.small", user_data_format: "SOFTWARE_CONFIG" } };

async function run(t: TestEngine, resources: Record<string, unknown>, outputs: Record<string, unknown>) {
  const template = JSON.stringify({ heat_template_version: "2018-08-31", resources: { server: SERVER, ...resources }, outputs });
  const stack = await t.finish(await t.engine.create("family", { template }, P));
  const values = Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.error ?? o.value]));
  return { stack, values };
}

const out = (resource: string, ...attr: string[]) => ({ value: { get_attr: [resource, ...attr] } });

describe("the software-config family through the engine", () => {
  it("fills a StructuredConfig's get_input calls from a StructuredDeployment's inputs", async () => {
    const t = createTestEngine();
    const { stack, values } = await run(t, {
      config: { type: "OS::Heat::StructuredConfig", properties: { group: "ansible", inputs: [{ name: "port", default: 80 }], config: { listen: { get_input: "port" }, at: { get_input: "deploy_server_id" }, keep: [1, { get_input: "missing" }] } } },
      deployment: { type: "OS::Heat::StructuredDeployment", properties: { config: { get_resource: "config" }, server: { get_resource: "server" }, input_values: { port: 8080 } } },
    }, { code: out("deployment", "deploy_status_code"), config: out("config", "config") });
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    expect(values.code).toBe(0);
    expect(values.config).toEqual({ listen: { get_input: "port" }, at: { get_input: "deploy_server_id" }, keep: [1, { get_input: "missing" }] });
    const deployment = (await t.engine.resources(stack.id)).find((r) => r.name === "deployment")!;
    const server = (await t.engine.resources(stack.id)).find((r) => r.name === "server")!.physicalId;
    const sent = JSON.parse(deployment.data.deployment);
    expect(sent.config).toEqual({ listen: 8080, at: server, keep: [1, null] });
  });

  it("refuses a missing input with input_values_validate STRICT", async () => {
    const t = createTestEngine();
    const { stack } = await run(t, {
      config: { type: "OS::Heat::StructuredConfig", properties: { config: { a: { get_input: "nope" } } } },
      deployment: { type: "OS::Heat::StructuredDeployment", properties: { config: { get_resource: "config" }, server: { get_resource: "server" }, input_values_validate: "STRICT" } },
    }, {});
    expect(stack.status).toBe("FAILED");
    expect(stack.statusReason).toContain("The Parameter (nope) was not provided.");
  });

  it("fails a deployment whose script exits non-zero, in Heat's words", async () => {
    const t = createTestEngine();
    const { stack } = await run(t, {
      config: { type: "OS::Heat::SoftwareConfig", properties: { group: "script", config: "#!/bin/sh\necho broken >&2\nexit 2" } },
      deployment: { type: "OS::Heat::SoftwareDeployment", properties: { config: { get_resource: "config" }, server: { get_resource: "server" } } },
    }, {});
    expect(stack.status).toBe("FAILED");
    expect(stack.statusReason).toContain("Deployment to server failed: deploy_status_code : Deployment exited with non-zero status code: 2");
  });

  it("builds CloudConfig and MultipartMime documents, and runs the SoftwareComponent config of each action", async () => {
    const t = createTestEngine();
    const { stack, values } = await run(t, {
      cloud: { type: "OS::Heat::CloudConfig", properties: { cloud_config: { packages: ["httpd"], runcmd: ["systemctl start httpd"] } } },
      script: { type: "OS::Heat::SoftwareConfig", properties: { config: "#!/bin/sh\necho hi" } },
      mime: { type: "OS::Heat::MultipartMime", properties: { parts: [{ config: { get_resource: "cloud" } }, { config: { get_resource: "script" }, filename: "run.sh", subtype: "x-shellscript" }] } },
      component: {
        type: "OS::Heat::SoftwareComponent",
        properties: {
          configs: [
            { actions: ["CREATE"], tool: "script", config: "echo -n created > $heat_outputs_path.phase" },
            { actions: ["UPDATE"], tool: "script", config: "echo -n updated > $heat_outputs_path.phase" },
          ],
          outputs: [{ name: "phase" }],
        },
      },
      deployment: { type: "OS::Heat::SoftwareDeployment", properties: { config: { get_resource: "component" }, server: { get_resource: "server" } } },
    }, { cloud: out("cloud", "config"), mime: out("mime", "config"), phase: out("deployment", "phase") });
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    expect(values.cloud).toBe("#cloud-config\npackages:\n  - httpd\nruncmd:\n  - systemctl start httpd\n");
    expect(values.mime).toContain('Content-Type: multipart/mixed; boundary="');
    expect(values.mime).toContain("#cloud-config\npackages:");
    expect(values.mime).toContain('Content-Type: text/x-shellscript; charset="utf-8"');
    expect(values.mime).toContain('Content-Disposition: attachment; filename="run.sh"\n\n#!/bin/sh\necho hi');
    expect(values.phase).toBe("created");
  });

  it("deploys to every server of a SoftwareDeploymentGroup, with per-server outputs", async () => {
    const t = createTestEngine();
    const { stack, values } = await run(t, {
      other: SERVER,
      config: { type: "OS::Heat::SoftwareConfig", properties: { group: "script", inputs: [{ name: "who" }], outputs: [{ name: "greeting" }], config: "echo -n hello $who from $deploy_server_id > $heat_outputs_path.greeting\necho done" } },
      group: {
        type: "OS::Heat::SoftwareDeploymentGroup",
        properties: { config: { get_resource: "config" }, servers: { a: { get_resource: "server" }, b: { get_resource: "other" } }, input_values: { who: "world" } },
      },
    }, { greetings: out("group", "greeting"), stdouts: out("group", "deploy_stdouts"), codes: out("group", "deploy_status_codes") });
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    const ids = Object.fromEntries((await t.engine.resources(stack.id)).map((r) => [r.name, r.physicalId]));
    expect(values.greetings).toEqual({ a: `hello world from ${ids.server}`, b: `hello world from ${ids.other}` });
    expect(values.stdouts).toEqual({ a: "done\n", b: "done\n" });
    expect(values.codes).toEqual({ a: 0, b: 0 });
    // taking a server out of the group drops its member; the others run the UPDATE action
    const template = JSON.stringify({
      heat_template_version: "2018-08-31",
      resources: {
        server: SERVER, other: SERVER,
        config: { type: "OS::Heat::SoftwareConfig", properties: { group: "script", inputs: [{ name: "who" }], outputs: [{ name: "greeting" }], config: "echo -n $deploy_action $who > $heat_outputs_path.greeting" } },
        group: { type: "OS::Heat::SoftwareDeploymentGroup", properties: { config: { get_resource: "config" }, servers: { a: { get_resource: "server" } }, input_values: { who: "again" } } },
      },
      outputs: { greetings: out("group", "greeting") },
    });
    const updated = await t.finish(await t.engine.update(stack.id, { template }));
    expect(`${updated.action}_${updated.status}`).toBe("UPDATE_COMPLETE");
    expect((await t.engine.outputs(stack.id)).find((o) => o.key === "greetings")?.value).toEqual({ a: "UPDATE again" });
    const deleted = await t.finish(await t.engine.delete(stack.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
  });
});
