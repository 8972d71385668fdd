import { describe, expect, it } from "vitest";
import { mergedEnvironment } from "./abandon";

describe("mergedEnvironment", () => {
  it("merges the stack's environments as the engine does: entry by entry, later files win, null removes", () => {
    const environments = [
      { name: "base.yaml", text: "parameters: { a: 1, b: 2 }\nresource_registry:\n  My::Web: web.yaml\n  My::Old: old.yaml\n  resources:\n    web: { My::Db: db.yaml }\n" },
      { name: "env/over.yaml", text: "parameters: { b: 3 }\nparameter_defaults: { c: 4 }\nresource_registry:\n  My::Old: null\n  resources:\n    api: { My::Db: api-db.yaml }\n" },
    ];
    expect(mergedEnvironment({ environments })).toEqual({
      parameters: { a: 1, b: 3 },
      parameter_defaults: { c: 4 },
      resource_registry: { "My::Web": "web.yaml", resources: { web: { "My::Db": "db.yaml" }, api: { "My::Db": "env/api-db.yaml" } } },
      event_sinks: [],
      encrypted_param_names: [],
    });
  });
});
