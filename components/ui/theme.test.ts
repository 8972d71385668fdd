import { describe, expect, it } from "vitest";
import { applyTheme, THEME_KEY, THEME_SCRIPT } from "./theme";

/** A stand-in for document.documentElement: a class list and a style. */
function fakeDocument() {
  const classes = new Set<string>();
  const root = {
    classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)) },
    style: { colorScheme: "" },
  };
  return { doc: { documentElement: root } as unknown as Document, classes, root };
}

const storage = (value: string | null) => ({ getItem: (key: string) => (key === THEME_KEY ? value : null) });

describe("applyTheme", () => {
  it("follows the system when nothing is stored", () => {
    const dark = fakeDocument();
    expect(applyTheme(dark.doc, storage(null), true, THEME_KEY)).toBe("dark");
    expect(dark.classes.has("dark")).toBe(true);
    expect(dark.root.style.colorScheme).toBe("dark");
    const light = fakeDocument();
    expect(applyTheme(light.doc, storage(null), false, THEME_KEY)).toBe("light");
    expect(light.classes.has("dark")).toBe(false);
  });

  it("prefers the stored choice over the system, and ignores junk", () => {
    const page = fakeDocument();
    expect(applyTheme(page.doc, storage("light"), true, THEME_KEY)).toBe("light");
    expect(page.classes.has("dark")).toBe(false);
    expect(applyTheme(page.doc, storage("dark"), false, THEME_KEY)).toBe("dark");
    expect(page.classes.has("dark")).toBe(true);
    expect(applyTheme(fakeDocument().doc, storage("purple"), false, THEME_KEY)).toBe("light");
  });

  it("follows the system when storage throws", () => {
    const throwing = { getItem: () => { throw new Error("denied"); } };
    expect(applyTheme(fakeDocument().doc, throwing, true, THEME_KEY)).toBe("dark");
  });
});

describe("THEME_SCRIPT", () => {
  it("runs on its own and applies the stored theme", () => {
    const page = fakeDocument();
    const run = new Function("document", "localStorage", "matchMedia", THEME_SCRIPT);
    run(page.doc, storage("dark"), () => ({ matches: false }));
    expect(page.classes.has("dark")).toBe(true);
  });
});
