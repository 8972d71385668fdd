import { describe, expect, it } from "vitest";
import type { NestedResourceInfo, NestedStackView, Volume } from "../../ports";
import type { ResourceContext } from "../types";
import { followedVolumes, verifyAttached, verifyDetached, verifyServing } from "./failover-readback";
import { CloudError } from "../../ports";
import { followersTemplate, memberPaths } from "./failover-steps";

const attachment = (server: string, status = "CREATE_COMPLETE"): NestedResourceInfo => ({
  name: "follower", type: "OS::Cinder::VolumeAttachment", status, ref: "att-1", nestedStackId: null, unhealthy: false,
  createdAt: "2026-01-01T00:00:00.000Z", properties: { instance_uuid: server, volume_id: "vol-1" },
});

/** A policy's context over a follower stack holding `resources` and a cloud whose vol-1 is on `servers`. */
function policyContext(resources: NestedResourceInfo[], servers: string[]): ResourceContext {
  const view = { id: "followers", status: "UPDATE_COMPLETE", statusReason: "", outputs: {}, resourceRefs: {}, resources } as unknown as NestedStackView;
  const volume = { id: "vol-1", status: servers.length ? "in-use" : "available", attachments: servers.map((serverId, i) => ({ id: `a${i}`, serverId })) } as unknown as Volume;
  return {
    physicalId: "followers",
    region: "RegionOne",
    nested: { get: async () => view },
    cloud: { volume: { getVolume: async () => volume } },
  } as unknown as ResourceContext;
}

describe("failover read-back", () => {
  it("agrees when the volume is in-use on the active member, in the cloud's words", async () => {
    const ctx = policyContext([attachment("srv-b")], ["srv-b"]);
    await expect(verifyAttached(ctx, "srv-b", [["instance_uuid"]])).resolves.toBe("volume vol-1 in-use on srv-b");
  });

  it("fails an attach the cloud does not hold, saying what it holds", async () => {
    await expect(verifyAttached(policyContext([attachment("srv-b")], []), "srv-b", [])).rejects.toThrow("volume vol-1 is not attached to srv-b: the cloud says available");
    await expect(verifyAttached(policyContext([attachment("srv-b")], ["srv-a"]), "srv-b", [])).rejects.toThrow(/the cloud says in-use on srv-a/);
  });

  it("fails when a follower points elsewhere or is not complete", async () => {
    await expect(verifyAttached(policyContext([attachment("srv-a")], ["srv-a"]), "srv-b", [])).rejects.toThrow("follower attaches volume vol-1 to srv-a, not to the active member srv-b");
    await expect(verifyAttached(policyContext([attachment("srv-a")], ["srv-a"]), "srv-b", [["instance_uuid"]])).rejects.toThrow("follower property instance_uuid is srv-a, not the active member srv-b");
    await expect(verifyAttached(policyContext([attachment("srv-b", "UPDATE_FAILED")], ["srv-b"]), "srv-b", [])).rejects.toThrow("follower follower is UPDATE_FAILED");
    await expect(verifyAttached(policyContext([], []), "srv-b", [])).rejects.toThrow("the follower stack holds no resources");
  });

  it("checks a detach against the attachments held before it", async () => {
    const held = await followedVolumes(policyContext([attachment("srv-a")], ["srv-a"]));
    expect(held).toEqual([{ volume: "vol-1", server: "srv-a" }]);
    await expect(verifyDetached(policyContext([], []), held)).resolves.toBe("volume vol-1 detached from srv-a (available)");
    await expect(verifyDetached(policyContext([], ["srv-a"]), held)).rejects.toThrow("volume vol-1 is still attached to srv-a (the cloud says in-use)");
  });
});

describe("promote read-back", () => {
  /** A context whose cloud has one server `srv-b` in `status`, answering or not; any other server is not found. */
  const serverContext = (status: string, healthy: boolean) =>
    ({
      region: "RegionOne",
      cloud: {
        compute: {
          getServer: async (id: string) => {
            if (id !== "srv-b") throw new CloudError("NotFound", `No server ${id}`);
            return { id, status };
          },
          metrics: async () => ({ healthy, cpuPercent: 1 }),
        },
      },
    }) as unknown as ResourceContext;

  it("agrees when the promoted member's server is ACTIVE and answers", async () => {
    await expect(verifyServing(serverContext("ACTIVE", true), "m2", "srv-b")).resolves.toBe("server srv-b ACTIVE and answering");
  });

  it("fails a promote the cloud does not back, in the cloud's words", async () => {
    await expect(verifyServing(serverContext("ERROR", true), "m2", "srv-b")).rejects.toThrow("member m2's server srv-b is ERROR, as the cloud says");
    await expect(verifyServing(serverContext("ACTIVE", false), "m2", "srv-b")).rejects.toThrow("member m2's server srv-b is ACTIVE but does not answer");
    await expect(verifyServing(serverContext("ACTIVE", true), "m2", "srv-x")).rejects.toThrow("member m2's server srv-x does not exist in the cloud");
    await expect(verifyServing(serverContext("ACTIVE", true), "m2", undefined)).rejects.toThrow("member m2 has no reference id");
  });
});

describe("the seed's member reference inside a FailoverPolicy", () => {
  const props = {
    auto_scaling_group_id: "group-1",
    resource: { type: "OS::Cinder::VolumeAttachment", properties: { instance_uuid: "srv-b", volume_id: "vol-1", tags: ["srv-a", "x"] } },
  };

  it("finds every property whose value is a member's reference id", () => {
    expect(memberPaths(props, ["srv-a", "srv-b"])).toEqual([["instance_uuid"], ["tags", 0]]);
    expect(memberPaths(props, ["srv-c"])).toEqual([]);
  });

  it("puts the active member there, as it does for %active%", () => {
    const doc = JSON.parse(followersTemplate(props, "srv-c", false, [["instance_uuid"]])) as { resources: { follower: { properties: Record<string, unknown> } } };
    expect(doc.resources.follower.properties).toEqual({ instance_uuid: "srv-c", volume_id: "vol-1", tags: ["srv-a", "x"] });
    const placeholder = { ...props, resource: { type: "T", properties: { server: "%active%" } } };
    expect(JSON.parse(followersTemplate(placeholder, "srv-c", false, [])).resources.follower.properties).toEqual({ server: "srv-c" });
  });
});
