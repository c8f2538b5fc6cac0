import type { WebSocket } from "ws";

/**
 * After Terminate the client closes its WebSocket itself, and closing it from the bridge at the
 * same moment races that close; the bridge closes only a socket the client left open.
 */
export function closeAfterGrace(ws: WebSocket, graceMs = 2000): void {
  setTimeout(() => {
    if (ws.readyState === ws.OPEN) ws.close(1000, "session ended");
  }, graceMs).unref();
}

/** Message framing of the PostgreSQL frontend protocol, as a client sends it. */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

/** One whole frame with its bytes exactly as the client sent them. */
export type Frame = { kind: "ssl-request" | "cancel" | "message"; bytes: Uint8Array };

/**
 * Splits a client's byte stream into whole frames. The first frame of a session has no type
 * byte (startup, SSL or cancel request); every later one is a type byte and a length. Chunks of
 * a large frame are kept in a list and joined once the frame is complete, so a frame of many
 * chunks costs its size, not its size times its chunk count.
 */
export class FrameReader {
  #chunks: Buffer[] = [];
  #buffered = 0;
  #needed = 0;
  #started = false;

  push(chunk: Uint8Array): Frame[] {
    this.#chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.#buffered += chunk.byteLength;
    const frames: Frame[] = [];
    while (this.#buffered >= Math.max(this.#needed, 1)) {
      const frame = this.#next();
      if (!frame) break;
      frames.push(frame);
    }
    return frames;
  }

  #joined(): Buffer {
    if (this.#chunks.length > 1) this.#chunks = [Buffer.concat(this.#chunks, this.#buffered)];
    return this.#chunks[0] ?? Buffer.alloc(0);
  }

  #take(length: number): Uint8Array {
    const buf = this.#joined();
    const bytes = new Uint8Array(buf.subarray(0, length));
    const rest = buf.subarray(length);
    this.#chunks = rest.length ? [rest] : [];
    this.#buffered = rest.length;
    this.#needed = 0;
    return bytes;
  }

  #next(): Frame | undefined {
    const head = this.#started ? 5 : 8;
    if (this.#buffered < head) return undefined;
    const buf = this.#joined();
    if (!this.#started) {
      const length = buf.readInt32BE(0);
      if (length < 8) throw new Error(`invalid startup frame length ${length}`);
      if (buf.length < length) return void (this.#needed = length);
      const code = buf.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) return { kind: "ssl-request", bytes: this.#take(length) };
      if (code === CANCEL_REQUEST) return { kind: "cancel", bytes: this.#take(length) };
      if (code !== PROTOCOL_3) throw new Error(`unsupported protocol version ${code}`);
      this.#started = true;
      return { kind: "message", bytes: this.#take(length) };
    }
    const declared = buf.readInt32BE(1);
    if (declared < 4) throw new Error(`invalid message length ${declared}`);
    const length = 1 + declared;
    if (buf.length < length) return void (this.#needed = length);
    return { kind: "message", bytes: this.#take(length) };
  }
}
