import { describe, expect, it } from "vitest";
import { formatRelative } from "./relative-time";

const NOW = Date.parse("2026-11-21T20:00:00Z");

describe("formatRelative", () => {
  it("uses the largest whole unit", () => {
    expect(formatRelative("2026-11-21T19:59:30Z", NOW)).toBe("30 seconds ago");
    expect(formatRelative("2026-11-21T19:55:00Z", NOW)).toBe("5 minutes ago");
    expect(formatRelative("2026-11-21T17:10:00Z", NOW)).toBe("2 hours ago");
    expect(formatRelative("2026-11-20T19:00:00Z", NOW)).toBe("yesterday");
    expect(formatRelative("2026-11-11T20:00:00Z", NOW)).toBe("10 days ago");
  });

  it("says just now near the present, and handles the future and junk", () => {
    expect(formatRelative("2026-11-21T19:59:55Z", NOW)).toBe("just now");
    expect(formatRelative("2026-11-21T20:03:00Z", NOW)).toBe("in 3 minutes");
    expect(formatRelative("later", NOW)).toBe("later");
  });
});
