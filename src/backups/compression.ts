import { gzipSync } from "node:zlib";

/**
 * Gzip of a part's NDJSON at level 1: on rows of JSON it compresses about as well as the default
 * level (the keys repeat on every row) at more than twice the speed, and compressing is a large
 * share of a backup's time. CompressionStream has no level, so this is node:zlib (nodejs_compat).
 */
export async function gzip(chunks: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(gzipSync(Buffer.concat(chunks), { level: 1 }));
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
