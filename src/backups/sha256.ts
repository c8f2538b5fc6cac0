const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The state of a hash part-way through its input, as JSON: it travels from one queue invocation to the next. */
export type Sha256State = { h: number[]; pending: string; length: number };

/**
 * SHA-256 whose state can be saved and resumed. WebCrypto only hashes a whole buffer, and a
 * table's NDJSON is hashed across parts written by different invocations.
 */
export class Sha256 {
  private readonly h: Int32Array;
  private readonly pending = new Uint8Array(64);
  private pendingLength: number;
  private length: number;
  private readonly w = new Int32Array(64);

  constructor(state?: Sha256State) {
    this.h = Int32Array.from(state?.h ?? [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    const pending = state ? Uint8Array.from(atob(state.pending), (c) => c.charCodeAt(0)) : new Uint8Array(0);
    this.pending.set(pending);
    this.pendingLength = pending.length;
    this.length = state?.length ?? 0;
  }

  update(data: Uint8Array): this {
    this.length += data.length;
    let offset = 0;
    if (this.pendingLength) {
      offset = Math.min(64 - this.pendingLength, data.length);
      this.pending.set(data.subarray(0, offset), this.pendingLength);
      this.pendingLength += offset;
      if (this.pendingLength < 64) return this;
      this.blocks(this.pending, 0, 64);
      this.pendingLength = 0;
    }
    const whole = offset + ((data.length - offset) & ~63);
    this.blocks(data, offset, whole);
    this.pending.set(data.subarray(whole));
    this.pendingLength = data.length - whole;
    return this;
  }

  save(): Sha256State {
    return { h: Array.from(this.h, (word) => word >>> 0), pending: btoa(String.fromCharCode(...this.pending.subarray(0, this.pendingLength))), length: this.length };
  }

  /** The hex digest; the hash itself is left as it was, so it can go on. */
  hex(): string {
    const copy = new Sha256(this.save());
    const bits = copy.length * 8;
    const tail = new Uint8Array(((copy.pendingLength + 9 + 63) >> 6) * 64 - copy.pendingLength);
    tail[0] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(tail.length - 4, bits >>> 0);
    copy.update(tail);
    return Array.from(copy.h, (word) => (word >>> 0).toString(16).padStart(8, "0")).join("");
  }

  /** Hashes the 64-byte blocks of `data` from `start` to `end`, in local variables (this runs over every byte a backup writes). */
  private blocks(data: Uint8Array, start: number, end: number): void {
    const w = this.w;
    const hs = this.h;
    let h0 = hs[0]!, h1 = hs[1]!, h2 = hs[2]!, h3 = hs[3]!, h4 = hs[4]!, h5 = hs[5]!, h6 = hs[6]!, h7 = hs[7]!;
    for (let offset = start; offset < end; offset += 64) {
      for (let i = 0, j = offset; i < 16; i++, j += 4) w[i] = (data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!;
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15]!;
        const y = w[i - 2]!;
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
      }
      let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
      for (let i = 0; i < 64; i++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    hs[0] = h0; hs[1] = h1; hs[2] = h2; hs[3] = h3; hs[4] = h4; hs[5] = h5; hs[6] = h6; hs[7] = h7;
  }
}

/** The hex SHA-256 of bytes, by WebCrypto. */
export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
