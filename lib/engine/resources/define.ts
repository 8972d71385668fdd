/**
 * defineResource: a plugin module's definition laid over Heat's schema of its type. Kept apart from
 * types.ts (type declarations only), so a module that needs only the plugin types or a constant does
 * not load Heat's catalogue (catalog/overlay.ts reads the generated schema data).
 */
import { buildPlugin, type PluginDefinition } from "./catalog/overlay";
import type { ResourcePlugin } from "./types";

/**
 * Makes a plugin from its module's definition: over Heat's schema of the type when Heat has it (the
 * definition then keeps only hooks and Hearth's annotations or documented extensions, see
 * catalog/overlay.ts), else as written (a type of Hearth's own).
 */
export function defineResource(definition: PluginDefinition): ResourcePlugin {
  return buildPlugin(definition);
}
