const BLOCK = 512;

/** A ustar header for a regular file (names under 100 bytes). */
export function tarHeader(name: string, size: number, mtime: Date): Uint8Array {
  const header = new Uint8Array(BLOCK);
  const put = (text: string, offset: number) => header.set(new TextEncoder().encode(text), offset);
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, "0") + "\0";
  put(name, 0);
  put(octal(0o600, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136);
  put("        ", 148);
  put("0", 156);
  put("ustar\u000000", 257);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  put(octal(checksum, 7) + " ", 148);
  return header;
}

/** Zero bytes that fill a file's data to a whole block. */
export function tarPadding(size: number): Uint8Array {
  return new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);
}

/** The two zero blocks that end an archive. */
export const TAR_END = new Uint8Array(BLOCK * 2);
