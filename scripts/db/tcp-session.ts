import { setTimeout as sleep } from "node:timers/promises";
import type { WebSocket } from "ws";
import type { SessionFaults } from "./faults.ts";
import { ReadyCounter, type Lease, type ServerPool } from "./server-pool.ts";
import { closeAfterGrace, FrameReader, type Frame } from "./wire-frames.ts";

const TERMINATE = 0x58;
/** Client messages the server answers with one ReadyForQuery each: Query, Sync, FunctionCall. */
const ANSWERED = new Set([0x51, 0x53, 0x46]);

/**
 * Serves one client session on a PostgreSQL server connection from the pool, frame by frame and
 * byte for byte after the startup (which the pool answers, replaying the server's reply when the
 * connection is reused). Frames are read on the way to apply the bridge's armed faults and to
 * notice the client's Terminate: a session that ends with the server's answers all in hands its
 * connection back to the pool instead of closing it; any other end closes it, and the server
 * rolls back what the session left open.
 */
export function serveTcpSession(ws: WebSocket, pool: ServerPool, onError: (error: unknown) => void, faults?: SessionFaults): void {
  const reader = new FrameReader();
  const pending: Frame[] = [];
  const ready = new ReadyCounter();
  let lease: Lease | undefined;
  let asked = 0;
  let wsClosed = false;
  let handedBack = false;
  let terminating = false;
  let cut = false;
  let draining = false;

  /** Ends the session as a dropped network would: the server gets what was sent so far, then EOF. */
  const cutSession = (partial: Uint8Array) => {
    cut = true;
    lease?.socket.end(partial);
    ws.terminate();
  };

  const start = async (startup: Frame) => {
    const taken = await pool.acquire(startup.bytes);
    if (cut || wsClosed) return void pool.release(taken);
    lease = taken;
    const { socket } = taken;
    socket.on("data", (chunk: Buffer) => {
      ready.push(chunk);
      if (!cut) ws.send(chunk);
    });
    socket.on("close", () => {
      if (cut || handedBack) return;
      if (terminating) closeAfterGrace(ws);
      else ws.close(1011, "database closed the connection");
    });
    socket.on("error", (error) => {
      if (cut || handedBack) return;
      onError(error);
      ws.close(1011, "database unreachable");
    });
    ws.send(taken.reply);
    socket.resume();
  };

  const terminate = (frame: Frame) => {
    terminating = true;
    if (lease!.reusable && ready.count === asked) {
      handedBack = true;
      pool.release(lease!);
      closeAfterGrace(ws);
    } else lease!.socket.write(frame.bytes);
  };

  const drain = async () => {
    draining = true;
    while (pending.length && !cut && !terminating) {
      const frame = pending.shift()!;
      if (!lease && frame.kind === "ssl-request") {
        ws.send(Buffer.from("N"));
        continue;
      }
      if (!lease && frame.kind === "cancel") {
        pool.forward(frame.bytes);
        ws.close(1000, "cancel request sent");
        break;
      }
      const verdict = faults?.inspect(frame);
      if (verdict?.delayMs) await sleep(verdict.delayMs);
      if (cut) break;
      if (verdict?.cutAfter !== undefined) {
        cutSession(frame.bytes.subarray(0, verdict.cutAfter));
        break;
      }
      if (!lease) {
        try {
          await start(frame);
        } catch (error) {
          onError(error);
          ws.close(1011, "database unreachable");
          break;
        }
        if (!lease) break;
        continue;
      }
      if (frame.bytes[0] === TERMINATE) terminate(frame);
      else {
        if (ANSWERED.has(frame.bytes[0]!)) asked += 1;
        lease.socket.write(frame.bytes);
      }
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
      lease?.socket.destroy();
      return;
    }
    if (!draining) void drain();
  });
  ws.on("close", () => {
    wsClosed = true;
    if (!handedBack && !cut) lease?.socket.end();
  });
  ws.on("error", onError);
}
