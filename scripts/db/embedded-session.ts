import type { PGlite } from "@electric-sql/pglite";
import { setTimeout as sleep } from "node:timers/promises";
import type { WebSocket } from "ws";
import type { SessionFaults } from "./faults.ts";
import { closeAfterGrace, FrameReader, type Frame } from "./wire-frames.ts";
import type { SessionLock } from "./session-lock.ts";

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const TERMINATE = 0x58;

export type EmbeddedSessionOptions = {
  db: PGlite;
  lock: SessionLock;
  /** A session holding the database with no traffic this long, while others wait, is closed. */
  idleWhileOthersWaitMs: number;
  onError: (error: unknown) => void;
  /** The bridge's armed faults, applied to this session's frames. */
  faults?: SessionFaults;
};

/**
 * Serves one client session on the embedded database. Frames that arrive while another session
 * holds the database are buffered; the session runs once it reaches the head of the queue, and
 * leaves the database clean (no open transaction, no session state) for the next one. A session
 * cut by a fault runs none of the frame it was cut in: the embedded database takes whole frames.
 */
export function serveEmbeddedSession(ws: WebSocket, options: EmbeddedSessionOptions): void {
  const { db, lock } = options;
  const reader = new FrameReader();
  const pending: Frame[] = [];
  let closed = false;
  let wake: (() => void) | undefined;
  let lastActivity = Date.now();

  ws.on("message", (data: Buffer) => {
    try {
      pending.push(...reader.push(data));
    } catch (error) {
      options.onError(error);
      ws.close(1002, "protocol error");
    }
    lastActivity = Date.now();
    wake?.();
  });
  ws.on("close", () => {
    closed = true;
    wake?.();
  });
  ws.on("error", options.onError);

  void (async () => {
    const release = await lock.acquire();
    const idleCheck = setInterval(() => {
      if (lock.waiting > 0 && Date.now() - lastActivity > options.idleWhileOthersWaitMs) {
        ws.close(1001, "idle session closed: others are waiting");
      }
    }, 1000);
    try {
      while (!closed) {
        const frame = pending.shift();
        if (!frame) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (frame.kind === "ssl-request") ws.send(Buffer.from("N"));
        else if (frame.kind === "cancel" || frame.bytes[0] === TERMINATE) {
          closed = true;
          closeAfterGrace(ws);
        } else {
          const verdict = options.faults?.inspect(frame);
          if (verdict?.delayMs) await sleep(verdict.delayMs);
          if (verdict?.cutAfter !== undefined || closed) {
            closed = true;
            ws.terminate();
            break;
          }
          await db.execProtocolRawStream(frame.bytes, {
            onRawData: (chunk) => {
              if (!closed) ws.send(chunk);
            },
          });
          lastActivity = Date.now();
        }
      }
    } catch (error) {
      options.onError(error);
      ws.close(1011, "embedded database error");
    } finally {
      clearInterval(idleCheck);
      await resetSession(db).catch(options.onError);
      release();
    }
  })();
}

async function resetSession(db: PGlite): Promise<void> {
  await db.execProtocolRawStream(SYNC, { onRawData: () => {} });
  if (db.isInTransaction()) await db.exec("ROLLBACK");
  await db.exec("DISCARD ALL");
}
