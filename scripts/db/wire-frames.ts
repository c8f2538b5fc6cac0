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

export type Frame =
  | { kind: "ssl-request" }
  | { kind: "cancel" }
  | { kind: "message"; bytes: Uint8Array };

/**
 * Splits a client's byte stream into whole frames. The first frame of a session has no type
 * byte (startup, SSL or cancel request); every later one is a type byte and a length.
 */
export class FrameReader {
  #buffer = Buffer.alloc(0);
  #started = false;

  push(chunk: Uint8Array): Frame[] {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : Buffer.from(chunk);
    const frames: Frame[] = [];
    for (;;) {
      const frame = this.#next();
      if (!frame) return frames;
      frames.push(frame);
    }
  }

  #next(): Frame | undefined {
    const buf = this.#buffer;
    if (!this.#started) {
      if (buf.length < 8) return undefined;
      const length = buf.readInt32BE(0);
      if (length < 8) throw new Error(`invalid startup frame length ${length}`);
      if (buf.length < length) return undefined;
      const code = buf.readInt32BE(4);
      this.#buffer = buf.subarray(length);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) return { kind: "ssl-request" };
      if (code === CANCEL_REQUEST) return { kind: "cancel" };
      if (code !== PROTOCOL_3) throw new Error(`unsupported protocol version ${code}`);
      this.#started = true;
      return { kind: "message", bytes: new Uint8Array(buf.subarray(0, length)) };
    }
    if (buf.length < 5) return undefined;
    const declared = buf.readInt32BE(1);
    if (declared < 4) throw new Error(`invalid message length ${declared}`);
    const length = 1 + declared;
    if (buf.length < length) return undefined;
    this.#buffer = buf.subarray(length);
    return { kind: "message", bytes: new Uint8Array(buf.subarray(0, length)) };
  }
}
