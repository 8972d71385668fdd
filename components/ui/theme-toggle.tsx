"use client";

import { useEffect, useState } from "react";
import { applyTheme, THEME_KEY, type Theme } from "./theme";

/** The system's preference query. */
const DARK_QUERY = "(prefers-color-scheme: dark)";

/**
 * The header's dark mode switch: a toggle button (aria-pressed) whose choice is remembered in
 * localStorage. Until the user chooses, the theme follows the system, live.
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | undefined>();

  useEffect(() => {
    const media = matchMedia(DARK_QUERY);
    const sync = () => setTheme(applyTheme(document, localStorage, media.matches, THEME_KEY));
    sync();
    media.addEventListener("change", sync);
    return () => media.removeEventListener("change", sync);
  }, []);

  const onClick = () => {
    const next: Theme = theme === "dark" ? "light" : "dark";
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
    setTheme(applyTheme(document, { getItem: () => next }, false, THEME_KEY));
  };

  const dark = theme === "dark";
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={theme === undefined ? undefined : dark}
      disabled={theme === undefined}
      data-testid="theme-toggle"
      data-theme={theme}
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="currentColor">
        {dark ? (
          <path d="M6 1.5a6.5 6.5 0 1 0 8.5 8.5A5.5 5.5 0 0 1 6 1.5Z" />
        ) : (
          <path d="M8 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8Zm0-3 1 2H7l1-2Zm0 14-1-2h2l-1 2ZM1 8l2-1v2L1 8Zm14 0-2 1V7l2 1Z" />
        )}
      </svg>
      Dark mode
    </button>
  );
}
