import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestEngine } from "../../lib/engine/testing";

const FIXTURES = join(__dirname, "fixtures");
const read = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const P = { projectId: "p1" };

describe("fixture software-config-script (heat-templates' example-script-template)", () => {
  it("runs: the agent on the SOFTWARE_CONFIG server runs the script with the inputs, and its outputs reach the stack's outputs", async () => {
    const heat = JSON.parse(read("software-config-script.heat.json"));
    expect(heat.strict.ok).toBe(true);
    const t = createTestEngine();
    const input = {
      template: read(heat.fixture),
      templateName: heat.fixture,
      files: { "config-scripts/example-script.sh": read("config-scripts/example-script.sh") },
      environments: [{ name: heat.environment, text: read(heat.environment) }],
      parameters: { image: "cirros" },
    };
    const stack = await t.finish(await t.engine.create("scripted", input, P));
    expect(`${stack.action}_${stack.status}`).toBe("CREATE_COMPLETE");
    const server = (await t.engine.resources(stack.id)).find((r) => r.name === "server")!.physicalId;
    const outputs = async () => Object.fromEntries((await t.engine.outputs(stack.id)).map((o) => [o.key, o.error ?? o.value]));
    const first = await outputs();
    expect(first.result).toBe(`The file /tmp/baaaaa contains fooooo for server ${server} during CREATE`);
    expect(first.other_result).toBe(`The file /tmp/barmy contains fu for server ${server} during CREATE`);
    expect(first.stdout).toBe("Writing to /tmp/baaaaa\nWritten to /tmp/baaaaa\n");
    expect(first.stderr).toContain("Output to stderr\n");
    expect(first.status_code).toBe(0);

    // new input values run the config again, for the UPDATE action
    const changed = input.template.replace("foo: fooooo", "foo: changed");
    const updated = await t.finish(await t.engine.update(stack.id, { ...input, template: changed }));
    expect(`${updated.action}_${updated.status}`).toBe("UPDATE_COMPLETE");
    expect((await outputs()).result).toBe(`The file /tmp/baaaaa contains changed for server ${server} during UPDATE`);

    const deleted = await t.finish(await t.engine.delete(stack.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
  });
});
