import { describe, expect, it } from "vitest";
import { formatTime } from "./format-time";

describe("formatTime", () => {
  it("formats an ISO time in UTC, to the second", () => {
    expect(formatTime("2026-11-21T20:23:48.123Z")).toBe("2026-11-21 20:23:48 UTC");
    expect(formatTime("2026-11-21T22:23:48+02:00")).toBe("2026-11-21 20:23:48 UTC");
  });

  it("shows a dash for a missing time and the raw text for an unparsable one", () => {
    expect(formatTime(null)).toBe("—");
    expect(formatTime(undefined)).toBe("—");
    expect(formatTime("soon")).toBe("soon");
  });
});
