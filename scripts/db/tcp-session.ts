import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { WebSocket } from "ws";
import type { SessionFaults } from "./faults.ts";
import { closeAfterGrace, FrameReader, type Frame } from "./wire-frames.ts";

const TERMINATE = 0x58;

/**
 * Pipes one client session to a PostgreSQL server over TCP, frame by frame and byte for byte.
 * Frames are read on the way to notice the client's Terminate (after it the client closes its
 * WebSocket itself, and closing it from this side as well would race that close) and to apply
 * the bridge's armed faults, if any.
 */
export function serveTcpSession(
  ws: WebSocket,
  target: { host: string; port: number },
  onError: (error: unknown) => void,
  faults?: SessionFaults,
): void {
  const socket = connect(target.port, target.host);
  socket.setNoDelay(true);
  const reader = new FrameReader();
  const early: Uint8Array[] = [];
  const pending: Frame[] = [];
  let connected = false;
  let terminating = false;
  let cut = false;
  let draining = false;

  const write = (bytes: Uint8Array) => (connected ? socket.write(bytes) : early.push(bytes));

  /** Ends the session as a dropped network would: the server gets what was sent so far, then EOF. */
  const cutSession = (partial: Uint8Array) => {
    cut = true;
    if (connected) socket.end(partial);
    else socket.destroy();
    ws.terminate();
  };

  const drain = async () => {
    draining = true;
    while (pending.length && !cut) {
      const frame = pending.shift()!;
      const verdict = faults?.inspect(frame);
      if (verdict?.delayMs) await sleep(verdict.delayMs);
      if (cut) break;
      if (verdict?.cutAfter !== undefined) {
        cutSession(frame.bytes.subarray(0, verdict.cutAfter));
        break;
      }
      if (frame.kind === "message" && frame.bytes[0] === TERMINATE) terminating = true;
      write(frame.bytes);
    }
    draining = false;
  };

  ws.on("message", (data: Buffer) => {
    if (cut) return;
    try {
      pending.push(...reader.push(data));
    } catch (error) {
      onError(error);
      ws.close(1002, "protocol error");
      socket.destroy();
      return;
    }
    if (!draining) void drain();
  });
  socket.on("connect", () => {
    connected = true;
    for (const chunk of early.splice(0)) socket.write(chunk);
  });
  socket.on("data", (chunk) => {
    if (!cut) ws.send(chunk);
  });
  socket.on("close", () => {
    if (cut) return;
    if (terminating) closeAfterGrace(ws);
    else ws.close(1011, "database closed the connection");
  });
  socket.on("error", (error) => {
    if (cut) return;
    onError(error);
    ws.close(1011, "database unreachable");
  });
  ws.on("close", () => socket.end());
  ws.on("error", onError);
}
