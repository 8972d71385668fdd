import { describe, expect, it } from "vitest";
import { decodeUtf8, describeUtf8Fault } from "./utf8";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("decodeUtf8", () => {
  it("decodes UTF-8, multi-byte characters included, and drops a byte-order mark", () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "café ✓ 😀"))).toEqual({ text: "café ✓ 😀" });
  });

  it("says where bytes stop being UTF-8 (line, column in characters, byte offset)", () => {
    const result = decodeUtf8(bytes("a: 1\nb: é", [0xe9], "\n"));
    expect(result).toEqual({ fault: { offset: 10, line: 2, column: 5 } });
    expect(describeUtf8Fault((result as { fault: never }).fault)).toBe("not valid UTF-8 at line 2, column 5 (byte offset 10)");
  });

  it("refuses overlong forms, surrogates, code points past U+10FFFF and cut sequences", () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      expect(decodeUtf8(bytes("x", bad))).toEqual({ fault: { offset: 1, line: 1, column: 2 } });
    }
  });
});
