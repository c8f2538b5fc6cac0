import { connect } from "node:net";
import type { WebSocket } from "ws";
import { closeAfterGrace, FrameReader } from "./wire-frames.ts";

const TERMINATE = 0x58;

/**
 * Pipes one client session to a PostgreSQL server over TCP, byte for byte. Frames are read on
 * the way only to notice the client's Terminate: after it the client closes its WebSocket
 * itself, and closing it from this side as well would race that close.
 */
export function serveTcpSession(
  ws: WebSocket,
  target: { host: string; port: number },
  onError: (error: unknown) => void,
): void {
  const socket = connect(target.port, target.host);
  socket.setNoDelay(true);
  const reader = new FrameReader();
  const early: Buffer[] = [];
  let connected = false;
  let terminating = false;

  ws.on("message", (data: Buffer) => {
    if (!terminating) {
      try {
        terminating = reader.push(data).some((frame) => frame.kind === "message" && frame.bytes[0] === TERMINATE);
      } catch {
        terminating = false;
      }
    }
    if (connected) socket.write(data);
    else early.push(data);
  });
  socket.on("connect", () => {
    connected = true;
    for (const chunk of early.splice(0)) socket.write(chunk);
  });
  socket.on("data", (chunk) => ws.send(chunk));
  socket.on("close", () => {
    if (terminating) closeAfterGrace(ws);
    else ws.close(1011, "database closed the connection");
  });
  socket.on("error", (error) => {
    onError(error);
    ws.close(1011, "database unreachable");
  });
  ws.on("close", () => socket.end());
  ws.on("error", onError);
}
