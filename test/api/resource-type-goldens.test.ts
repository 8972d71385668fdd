/**
 * The schema goldens: for every type Heat 19 has, Hearth's `GET /resource_types/{type}` answers exactly
 * what real Heat answers (heat-types.json, made by scripts/heat-catalog/dump.py); the list is Heat's
 * plus Hearth's own types, and a HIDDEN type is refused in Heat's words. A failure names each difference.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heatTypes } from "../../lib/engine/resources/catalog/heat-catalog";
import { heatTypeList } from "../../lib/engine/resources/catalog/type-list";
import { diffTypeDocs } from "../../lib/engine/resources/catalog/schema-diff";
import { ADMIN_PASSWORD, startHarness, type ApiHarness } from "./harness";

let api: ApiHarness;
let token: string;
const base = "/heat-api/v1/admin";

beforeAll(async () => {
  api = await startHarness();
  ({ token } = await api.login("admin", ADMIN_PASSWORD, "admin"));
});
afterAll(() => api.close());

const shown = Object.entries(heatTypes.types).filter(([, e]) => !e.show_error);
const hidden = Object.entries(heatTypes.types).filter(([, e]) => e.show_error);

describe("GET /resource_types", () => {
  it("lists every type Heat lists, with Heat's descriptions, and Hearth's own types, and no hidden one", async () => {
    const answer = await api.call("GET", `${base}/resource_types?with_description=true`, { token });
    const listed: { resource_type: string; description: string }[] = answer.body.resource_types;
    for (const t of heatTypeList.resource_types) expect(listed).toContainEqual(t);
    expect(listed.filter((t) => !heatTypes.types[t.resource_type]).map((t) => t.resource_type)).toEqual(["OS::Heat::FailoverPolicy"]);
    for (const [type] of hidden) expect(listed.map((t) => t.resource_type)).not.toContain(type);
  });
});

describe.each(shown)("GET /resource_types/%s", (type, entry) => {
  it("answers exactly Heat's schema", async () => {
    const answer = await api.call("GET", `${base}/resource_types/${type}`, { token });
    expect(answer.status).toBe(200);
    expect(diffTypeDocs(answer.body, entry.show)).toEqual([]);
    expect(answer.body).toEqual(entry.show);
  });
});

describe.each(hidden)("GET /resource_types/%s (hidden)", (type, entry) => {
  it("is refused as Heat refuses it", async () => {
    const answer = await api.call("GET", `${base}/resource_types/${type}`, { token });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ type: entry.show_error!.class, message: entry.show_error!.message });
  });
});
