/** Gzip of a part's NDJSON, by the runtime's CompressionStream. */
export async function gzip(chunks: Uint8Array[]): Promise<Uint8Array> {
  const stream = new Blob(chunks as Uint8Array<ArrayBuffer>[]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
