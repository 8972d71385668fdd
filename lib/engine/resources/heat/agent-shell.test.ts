import { describe, expect, it } from "vitest";
import { runShell } from "./agent-shell";

describe("the agent's shell", () => {
  it("runs heat-templates' example script with its inputs, as sh would", () => {
    // test/heat-catalog/fixtures/config-scripts/example-script.sh (the engine reads no files)
    const script = [
      "#!/bin/sh -x",
      "echo \"Writing to /tmp/$bar\"",
      "echo $foo > /tmp/$bar",
      "echo -n \"The file /tmp/$bar contains `cat /tmp/$bar` for server $deploy_server_id during $deploy_action\" > $heat_outputs_path.result",
      "echo \"Written to /tmp/$bar\"",
      "echo \"Output to stderr\" 1>&2",
    ].join("\n") + "\n";
    const run = runShell(script, { foo: "fooooo", bar: "baaaaa", deploy_server_id: "srv-1", deploy_action: "CREATE", heat_outputs_path: "/out/d1" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("Writing to /tmp/baaaaa\nWritten to /tmp/baaaaa\n");
    expect(run.files.get("/tmp/baaaaa")).toBe("fooooo\n");
    expect(run.files.get("/out/d1.result")).toBe("The file /tmp/baaaaa contains fooooo for server srv-1 during CREATE");
    // sh -x traces each command to stderr before the script's own stderr line
    expect(run.stderr.split("\n")).toEqual([
      "+ echo Writing to /tmp/baaaaa",
      "+ echo fooooo",
      "+ echo -n The file /tmp/baaaaa contains fooooo for server srv-1 during CREATE",
      "+ echo Written to /tmp/baaaaa",
      "+ echo Output to stderr",
      "Output to stderr",
      "",
    ]);
  });

  it("quotes, appends, lists, substitutes and exits", () => {
    const run = runShell(
      [
        "#!/bin/sh",
        "NAME='a b'; export GREETING=\"hi $NAME\"",
        "echo $GREETING >> /f; echo again >> /f",
        "false && echo never || echo fallback",
        "printf '%s=%s\\n' k v",
        "echo \"count: $(cat /f)\" 2>&1",
        "nosuchtool --flag",
        "exit 3",
        "echo unreachable",
      ].join("\n"),
      {},
    );
    expect(run.files.get("/f")).toBe("hi a b\nagain\n");
    expect(run.stdout).toBe("fallback\nk=v\ncount: hi a b\nagain\n");
    expect(run.stderr).toBe("sh: 1: nosuchtool: not found\n");
    expect(run.status).toBe(3);
  });

  it("reports the status of the last command, and a missing file", () => {
    expect(runShell("cat /missing", {})).toMatchObject({ status: 1, stderr: "cat: /missing: No such file or directory\n" });
    expect(runShell("echo ${UNSET}x", {}).stdout).toBe("x\n");
  });
});
