/**
 * Strict UTF-8 decoding of input (request bodies, template files): a byte sequence that is not
 * UTF-8 is refused with its place (byte offset, line and column) instead of silently becoming U+FFFD.
 */

/** Where a text's bytes stop being UTF-8. */
export interface Utf8Fault {
  /** 0-based offset of the first invalid byte. */
  offset: number;
  /** 1-based line and column (in characters) of that byte. */
  line: number;
  column: number;
}

/** Offset of the first byte that does not continue a well-formed UTF-8 sequence, or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // the second byte's range rules out overlong forms, surrogates and code points past U+10FFFF
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** Decodes UTF-8 bytes (a leading byte-order mark dropped), or says where they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { fault: Utf8Fault } {
  const offset = firstInvalidByte(bytes);
  const decoder = new TextDecoder("utf-8");
  if (offset < 0) return { text: decoder.decode(bytes) };
  const before = decoder.decode(bytes.subarray(0, offset));
  const lines = before.split("\n");
  return { fault: { offset, line: lines.length, column: lines[lines.length - 1].length + 1 } };
}

/** "not valid UTF-8 at line L, column C (byte offset N)". */
export function describeUtf8Fault(fault: Utf8Fault): string {
  return `not valid UTF-8 at line ${fault.line}, column ${fault.column} (byte offset ${fault.offset})`;
}
