import { afterEach, describe, expect, it } from "vitest";
import { tempDatabaseFile, type TempDatabaseFile } from "../../store/testing/temp-database";
import { createHearth } from "../index";
import type { Hearth } from "../types";
import { tokenOfUrl } from "./presign";

const TEMPLATE = `heat_template_version: 2018-08-31
resources:
  group:
    type: OS::Heat::AutoScalingGroup
    properties:
      min_size: 1
      max_size: 3
      resource: { type: OS::Nova::Server, properties: { image: cirros, flavor: m1.tiny } }
  up:
    type: OS::Heat::ScalingPolicy
    properties: { adjustment_type: change_in_capacity, auto_scaling_group_id: { get_resource: group }, scaling_adjustment: 1 }
outputs:
  url: { value: { get_attr: [up, signal_url] } }
  size: { value: { get_attr: [group, current_size] } }
`;

let file: TempDatabaseFile;
const open: Hearth[] = [];

async function start(): Promise<Hearth> {
  const hearth = await createHearth({ databaseUrl: file.url, simSpeed: 0, simSeed: 7, pollIntervalMs: 10, owner: "engine-test" });
  open.push(hearth);
  return hearth;
}

afterEach(async () => {
  while (open.length) await open.pop()!.close();
  file.remove();
});

describe("HA services in createHearth (SQLite)", () => {
  it("signs URLs with a secret kept in the database: they survive a restart, and POSTing one scales the group", async () => {
    file = tempDatabaseFile();
    const first = await start();
    const done = await (await first.create("scale", { template: TEMPLATE })).done;
    expect(done.status).toBe("COMPLETE");
    const url = (await first.outputs(done.id)).find((o) => o.key === "url")!.value as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/signals\//);
    await first.close();
    open.pop();

    const second = await start();
    const target = await second.signalByToken(tokenOfUrl(url)!, async () => ({ reason: "load" }));
    expect(target).toMatchObject({ resource: "up", action: "signal" });
    const group = await second.getResource("scale", "group");
    expect(group.attributes.current_size).toBe(2);
    await expect(second.signalByToken(`${tokenOfUrl(url)!.split(".")[0]}.forged`, async () => ({}))).rejects.toThrow(/signature does not match/);
  });
});
