/**
 * The console's colour theme: light or dark. The user's choice is kept in localStorage under
 * THEME_KEY; without one the theme follows the system's prefers-color-scheme.
 */

/** A colour theme. */
export type Theme = "light" | "dark";

/** localStorage key of the user's choice. */
export const THEME_KEY = "hearth-theme";

/**
 * Puts the theme on <html> (the dark class and color-scheme) and returns it. Self-contained (no
 * imports or outer names) because its source is also inlined as the pre-paint script of every page.
 */
export function applyTheme(doc: Document, storage: Pick<Storage, "getItem">, prefersDark: boolean, key: string): Theme {
  let stored: string | null = null;
  try {
    stored = storage.getItem(key);
  } catch {
    // Storage can be disabled (privacy settings): follow the system then.
  }
  const theme: Theme = stored === "dark" || stored === "light" ? stored : prefersDark ? "dark" : "light";
  doc.documentElement.classList.toggle("dark", theme === "dark");
  doc.documentElement.style.colorScheme = theme;
  return theme;
}

/** The inline script run in <head> before the page paints, so a dark page never flashes light. */
export const THEME_SCRIPT = `(${applyTheme.toString()})(document, localStorage, matchMedia("(prefers-color-scheme: dark)").matches, ${JSON.stringify(THEME_KEY)});`;
