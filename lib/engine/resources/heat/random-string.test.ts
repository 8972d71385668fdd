import { describe, expect, it } from "vitest";
import { createHarness } from "../testing-context";
import { randomStringResource } from "./random-string";

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("OS::Heat::RandomString", () => {
  it("generates 32 letters/digits by default, the same for the same seed", async () => {
    const a = createHarness(randomStringResource, { random: seeded(7) });
    const b = createHarness(randomStringResource, { random: seeded(7) });
    await a.create();
    await b.create();
    const value = await a.attribute("value");
    expect(value).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(await b.attribute("value")).toBe(value);
    expect(a.referenceId()).toBe(value);
  });

  it("honours character class and sequence minimums", async () => {
    const h = createHarness(randomStringResource, {
      random: seeded(3),
      properties: {
        length: 12,
        character_classes: [{ class: "digits", min: 4 }],
        character_sequences: [{ sequence: "!@", min: 3 }],
      },
    });
    await h.create();
    const v = String(await h.attribute("value"));
    expect(v).toHaveLength(12);
    expect(v).toMatch(/^[0-9!@]+$/);
    expect(v.replace(/[^0-9]/g, "").length).toBeGreaterThanOrEqual(4);
    expect(v.replace(/[^!@]/g, "").length).toBeGreaterThanOrEqual(3);
  });

  it("refuses minimums longer than the length", async () => {
    const h = createHarness(randomStringResource, {
      properties: { length: 2, character_classes: [{ class: "digits", min: 3 }] },
    });
    await expect(h.create()).rejects.toThrow(
      "Length property cannot be smaller than combined character class and character sequence minimums",
    );
  });

  it("uses the deprecated sequence property as a character class", async () => {
    const h = createHarness(randomStringResource, { random: seeded(1), properties: { length: 16, sequence: "octdigits" } });
    await h.create();
    expect(await h.attribute("value")).toMatch(/^[0-7]{16}$/);
  });

  it("is replaced when the salt changes", async () => {
    const h = createHarness(randomStringResource, { properties: { salt: "1" } });
    await h.create();
    expect(await h.update({ salt: "2" })).toBe("replace");
  });
});
