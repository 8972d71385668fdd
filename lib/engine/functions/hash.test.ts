import { describe, expect, it } from "vitest";
import { hexDigest } from "./hash";

const bytes = (s: string) => new TextEncoder().encode(s);
const fox = "The quick brown fox jumps over the lazy dog";
const twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

describe("hexDigest", () => {
  it.each([
    ["md5", "hello", "5d41402abc4b2a76b9719d911017c592"],
    ["md5", fox, "9e107d9d372bb6826bd81d3542a419d6"],
    ["sha1", "hello", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"],
    ["sha1", fox, "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"],
    ["sha224", "abc", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"],
    ["sha256", "hello world", "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"],
    ["sha256", twoBlocks, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
    ["sha384", "abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"],
    ["sha512", "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"],
    ["sha512", "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"],
  ])("%s(%j)", (algo, input, expected) => {
    expect(hexDigest(algo, bytes(input))).toBe(expected);
  });

  it("refuses algorithms it does not implement", () => {
    expect(() => hexDigest("whirlpool", bytes("x"))).toThrow(/unsupported digest algorithm whirlpool/);
  });
});
