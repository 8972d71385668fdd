import { describe, expect, it } from "vitest";
import { createTestEngine } from "../testing";
import { eventOrder, PORT_ON_SUBNET } from "./implicit-order.fixture";

describe("implicit dependencies order create and delete", () => {
  it("creates the subnet before the port and the server, deletes them before the subnet", async () => {
    const t = createTestEngine();
    const created = await t.finish(await t.engine.create("implicit", { template: PORT_ON_SUBNET }, { projectId: "p" }));
    expect(`${created.action}_${created.status}`).toBe("CREATE_COMPLETE");
    const deleted = await t.finish(await t.engine.delete(created.id));
    expect(`${deleted.action}_${deleted.status}`).toBe("DELETE_COMPLETE");
    const lines = (await t.store.listEvents(created.id)).map((e) => `${e.resourceName} ${e.action}_${e.status}`);
    const at = eventOrder(lines);
    expect(at("subnet CREATE_COMPLETE")).toBeLessThan(at("port CREATE_IN_PROGRESS"));
    expect(at("subnet CREATE_COMPLETE")).toBeLessThan(at("server CREATE_IN_PROGRESS"));
    expect(at("port DELETE_COMPLETE")).toBeLessThan(at("subnet DELETE_IN_PROGRESS"));
    expect(at("server DELETE_COMPLETE")).toBeLessThan(at("subnet DELETE_IN_PROGRESS"));
  });
});
