/**
 * OS::Heat::RandomString: generates a random string from character classes and sequences, each with a
 * minimum count, as Heat's password generator does. Randomness comes from ctx.random (seeded in tests).
 * Every property change (salt included) replaces the resource, so a new string is generated.
 */
import { optList, optNumber, optString } from "../support/props";
import { physicalName } from "../support/naming";
import { defineResource } from "../define";
import { type ResourceContext } from "../types";

const DIGITS = "0123456789";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = LOWER.toUpperCase();

/** Heat's named character classes. */
export const CHARACTER_CLASSES: Record<string, string> = {
  lettersdigits: LOWER + UPPER + DIGITS,
  letters: LOWER + UPPER,
  lowercase: LOWER,
  uppercase: UPPER,
  digits: DIGITS,
  hexdigits: DIGITS + "ABCDEF",
  octdigits: "01234567",
};

interface CharClass {
  chars: string;
  min: number;
}

function charClasses(props: Record<string, unknown>): CharClass[] {
  const classes = optList<Record<string, unknown>>(props, "character_classes").map((c) => ({
    chars: CHARACTER_CLASSES[optString(c, "class") ?? "lettersdigits"],
    min: optNumber(c, "min") ?? 1,
  }));
  const sequences = optList<Record<string, unknown>>(props, "character_sequences").map((s) => ({
    chars: [...new Set(optString(s, "sequence") ?? "")].join(""),
    min: optNumber(s, "min") ?? 1,
  }));
  // The deprecated `sequence` property stands for one character class with min 1 (Heat's translation rule).
  const legacy = optString(props, "sequence");
  const named = legacy ? [{ chars: CHARACTER_CLASSES[legacy], min: 1 }] : classes;
  return [...sequences, ...named];
}

function validate(props: Record<string, unknown>): void {
  const length = optNumber(props, "length") ?? 32;
  const minimum = charClasses(props).reduce((sum, c) => sum + c.min, 0);
  if (minimum > length) {
    throw new Error("Length property cannot be smaller than combined character class and character sequence minimums");
  }
}

/** Generates a string of `length` characters with at least `min` of each class, shuffled. */
export function generateRandomString(random: () => number, length: number, classes: CharClass[]): string {
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)];
  const chosen: string[] = [];
  for (const c of classes) for (let i = 0; i < c.min; i++) chosen.push(pick(c.chars));
  const all = [...new Set(classes.map((c) => c.chars).join(""))].join("");
  while (chosen.length < length) chosen.push(pick(all));
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [chosen[i], chosen[j]] = [chosen[j], chosen[i]];
  }
  return chosen.join("");
}

/** The OS::Heat::RandomString plugin. */
export const randomStringResource = defineResource({
  type: "OS::Heat::RandomString",
  properties: {
    sequence: { hidden: true },
    salt: { takes: "secret" },
  },
  attributes: {
    value: { produces: { kind: "secret" } },
  },
  handlers: {
    validate,
    async create(ctx: ResourceContext) {
      validate(ctx.properties);
      const length = optNumber(ctx.properties, "length") ?? 32;
      ctx.setData("value", generateRandomString(() => ctx.random(), length, charClasses(ctx.properties)));
      ctx.setPhysicalId(physicalName(ctx));
    },
    async attribute(ctx, name) {
      return name === "value" ? (ctx.data.value ?? null) : undefined;
    },
    referenceId: (ctx) => (ctx.physicalId !== undefined ? ctx.data.value : ctx.name),
  },
});
