/**
 * Pure TypeScript message digests for the `digest` function (the engine cannot use node:crypto,
 * it also runs in the browser): md5, sha1, sha224, sha256, sha384, sha512, hex encoded.
 */

/** Digest algorithms Hearth implements (lower case, as Heat accepts them). */
export const DIGEST_ALGORITHMS = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"] as const;

/** Hex digest of `bytes` with `algorithm` (one of DIGEST_ALGORITHMS). */
export function hexDigest(algorithm: string, bytes: Uint8Array): string {
  switch (algorithm) {
    case "md5":
      return md5(bytes);
    case "sha1":
      return sha1(bytes);
    case "sha224":
      return sha256(bytes, true);
    case "sha256":
      return sha256(bytes, false);
    case "sha384":
      return sha512(bytes, true);
    case "sha512":
      return sha512(bytes, false);
    default:
      throw new Error(`unsupported digest algorithm ${algorithm}`);
  }
}

const hex = (words: number[], n: number, little = false) =>
  words
    .slice(0, n)
    .map((w) => {
      const v = little ? ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24) : w;
      return (v >>> 0).toString(16).padStart(8, "0");
    })
    .join("");

/** Pads a message Merkle–Damgård style into 32-bit words (64-byte blocks). */
function pad32(bytes: Uint8Array, littleEndian: boolean): number[] {
  const len = bytes.length;
  const total = Math.ceil((len + 9) / 64) * 64;
  const buf = new Uint8Array(total);
  buf.set(bytes);
  buf[len] = 0x80;
  const bits = len * 8;
  const dv = new DataView(buf.buffer);
  if (littleEndian) {
    dv.setUint32(total - 8, bits >>> 0, true);
    dv.setUint32(total - 4, Math.floor(bits / 2 ** 32), true);
  } else {
    dv.setUint32(total - 8, Math.floor(bits / 2 ** 32));
    dv.setUint32(total - 4, bits >>> 0);
  }
  const words: number[] = [];
  for (let i = 0; i < total; i += 4) words.push(dv.getUint32(i, littleEndian));
  return words;
}

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

function md5(bytes: Uint8Array): string {
  const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);
  const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  const w = pad32(bytes, true);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
  for (let off = 0; off < w.length; off += 16) {
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let i = 0; i < 64; i++) {
      const r = i >> 4;
      const f = r === 0 ? (b & c) | (~b & d) : r === 1 ? (d & b) | (~d & c) : r === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = r === 0 ? i : r === 1 ? (5 * i + 1) % 16 : r === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const t = d;
      d = c;
      c = b;
      b = (b + rotl((a + f + K[i] + w[off + g]) | 0, S[r * 4 + (i % 4)])) | 0;
      a = t;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  return hex([a0, b0, c0, d0], 4, true);
}

function sha1(bytes: Uint8Array): string {
  const w = pad32(bytes, false);
  const h = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0];
  const m = new Array<number>(80);
  for (let off = 0; off < w.length; off += 16) {
    for (let i = 0; i < 80; i++) m[i] = i < 16 ? w[off + i] : rotl(m[i - 3] ^ m[i - 8] ^ m[i - 14] ^ m[i - 16], 1);
    let [a, b, c, d, e] = h;
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1]
          : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc | 0] : [b ^ c ^ d, 0xca62c1d6 | 0];
      const t = (rotl(a, 5) + f + e + k + m[i]) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    [a, b, c, d, e].forEach((v, i) => (h[i] = (h[i] + v) | 0));
  }
  return hex(h, 5);
}

const K256 = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
];

function sha256(bytes: Uint8Array, is224: boolean): string {
  const w = pad32(bytes, false);
  const h = is224
    ? [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4]
    : [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const m = new Array<number>(64);
  for (let off = 0; off < w.length; off += 16) {
    for (let i = 0; i < 64; i++) {
      if (i < 16) m[i] = w[off + i];
      else {
        const s0 = rotr(m[i - 15], 7) ^ rotr(m[i - 15], 18) ^ (m[i - 15] >>> 3);
        const s1 = rotr(m[i - 2], 17) ^ rotr(m[i - 2], 19) ^ (m[i - 2] >>> 10);
        m[i] = (m[i - 16] + s0 + m[i - 7] + s1) | 0;
      }
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + m[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i] + v) | 0));
  }
  return hex(h, is224 ? 7 : 8);
}

let sha512K: bigint[] | undefined;

/** First 64 bits of the fractional parts of the cube roots of the first 80 primes: computed on first use (4 ms of BigInt search). */
function sha512Constants(): bigint[] {
  if (sha512K) return sha512K;
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return (sha512K = primes.map((p) => fracBits(p, 3)));
}

/** First 64 bits of the fractional part of p^(1/root), computed exactly with integer arithmetic. */
function fracBits(p: number, root: 2 | 3): bigint {
  const shift = 64n;
  const target = BigInt(p) << (shift * BigInt(root));
  let lo = 0n;
  let hi = 1n << (shift + 8n);
  while (hi - lo > 1n) {
    const mid = (lo + hi) >> 1n;
    if (mid ** BigInt(root) <= target) lo = mid;
    else hi = mid;
  }
  return lo & ((1n << 64n) - 1n);
}

function sha512(bytes: Uint8Array, is384: boolean): string {
  const MASK = (1n << 64n) - 1n;
  const primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83];
  const h = is384 ? primes.slice(8, 16).map((p) => fracBits(p, 2)) : primes.slice(0, 8).map((p) => fracBits(p, 2));
  const len = bytes.length;
  const total = Math.ceil((len + 17) / 128) * 128;
  const buf = new Uint8Array(total);
  buf.set(bytes);
  buf[len] = 0x80;
  const dv = new DataView(buf.buffer);
  dv.setBigUint64(total - 8, BigInt(len) * 8n);
  const r = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & MASK;
  const k = sha512Constants();
  const m = new Array<bigint>(80);
  for (let off = 0; off < total; off += 128) {
    for (let i = 0; i < 80; i++) {
      if (i < 16) m[i] = dv.getBigUint64(off + i * 8);
      else {
        const s0 = r(m[i - 15], 1n) ^ r(m[i - 15], 8n) ^ (m[i - 15] >> 7n);
        const s1 = r(m[i - 2], 19n) ^ r(m[i - 2], 61n) ^ (m[i - 2] >> 6n);
        m[i] = (m[i - 16] + s0 + m[i - 7] + s1) & MASK;
      }
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 80; i++) {
      const t1 = (hh + (r(e, 14n) ^ r(e, 18n) ^ r(e, 41n)) + ((e & f) ^ (~e & MASK & g)) + k[i] + m[i]) & MASK;
      const t2 = ((r(a, 28n) ^ r(a, 34n) ^ r(a, 39n)) + ((a & b) ^ (a & c) ^ (b & c))) & MASK;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & MASK, c, b, a, (t1 + t2) & MASK];
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i] + v) & MASK));
  }
  return h
    .slice(0, is384 ? 6 : 8)
    .map((v) => v.toString(16).padStart(16, "0"))
    .join("");
}
