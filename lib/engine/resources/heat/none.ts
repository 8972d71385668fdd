/**
 * OS::Heat::None: a placeholder that accepts any properties, returns null for any attribute and is never
 * replaced on update; used through resource_registry to stub out another type.
 */
import { randomUuid } from "../support/naming";
import { defineResource } from "../define";

/** The OS::Heat::None plugin. */
export const noneResource = defineResource({
  type: "OS::Heat::None",
  properties: {},
  openProperties: true,
  handlers: {
    async create(ctx) {
      ctx.setPhysicalId(randomUuid(ctx));
    },
    async update() {
      // Heat's None does nothing on update; the new properties are simply recorded by the engine.
    },
    async attribute() {
      return null;
    },
  },
});
