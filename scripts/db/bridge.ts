import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname } from "node:path";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { WebSocketServer } from "ws";
import { serveEmbeddedSession } from "./embedded-session.ts";
import { FaultPlan, serveFaultControl } from "./faults.ts";
import { SessionLock } from "./session-lock.ts";
import { ServerPool } from "./server-pool.ts";
import { serveTcpSession } from "./tcp-session.ts";

/** The embedded database answers to this connection string behind the bridge. */
export const EMBEDDED_DATABASE_URL = "postgres://postgres:postgres@localhost:5432/postgres";

export type BridgeOptions = {
  /** A PostgreSQL server to front; without it the bridge fronts an embedded database. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files; `memory://` keeps nothing. */
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
  /** Serves the fault control at `/faults` (tests only): sessions cut or delayed on request. */
  faults?: boolean;
};

export type Bridge = {
  /** `host:port` of the WebSocket endpoint, the value of `DB_LOCAL_PROXY`. */
  proxy: string;
  /** The connection string clients use through the bridge. */
  databaseUrl: string;
  embedded: boolean;
  close(): Promise<void>;
};

/**
 * Starts the local database bridge: a WebSocket endpoint of the shape the Neon driver expects
 * from a proxy, piping every session either to the PostgreSQL server of `databaseUrl`, on
 * connections kept open between sessions as a hosted pooled endpoint keeps them (server-pool.ts),
 * or to an embedded PGlite database that serves queued sessions one at a time. With `faults`, tests can
 * arm rules that cut or delay the next session sending a given statement (see faults.ts).
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const log = options.log ?? (() => {});
  const onError = (error: unknown) => log(`bridge: ${error instanceof Error ? error.message : String(error)}`);
  const target = options.databaseUrl ? tcpTarget(options.databaseUrl) : undefined;
  const servers = target ? new ServerPool({ target }) : undefined;
  const embedded = target ? undefined : await openEmbedded(options.dataDir ?? "memory://");
  const db = embedded?.db;
  const lock = new SessionLock();
  const plan = options.faults ? new FaultPlan() : undefined;

  const http = createServer((req, res) => {
    if (plan && req.url === "/faults") return void serveFaultControl(plan, req, res).catch(onError);
    res.writeHead(req.url === "/health" ? 200 : 404, { "content-type": "text/plain" });
    res.end(req.url === "/health" ? "ok" : "not found");
  });
  const wss = new WebSocketServer({ server: http });
  wss.on("connection", (ws) => {
    const faults = plan?.watch();
    if (servers) serveTcpSession(ws, servers, onError, faults);
    else serveEmbeddedSession(ws, { db: db!, lock, idleWhileOthersWaitMs: 5_000, onError, faults });
  });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = http.address() as AddressInfo;

  return {
    proxy: `127.0.0.1:${port}`,
    databaseUrl: options.databaseUrl ?? EMBEDDED_DATABASE_URL,
    embedded: !target,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      servers?.close();
      await db?.close();
      embedded?.unlock();
    },
  };
}

function tcpTarget(databaseUrl: string): { host: string; port: number } {
  const url = new URL(databaseUrl);
  return { host: url.hostname || "127.0.0.1", port: Number(url.port || 5432) };
}

async function openEmbedded(dataDir: string): Promise<{ db: PGlite; unlock(): void }> {
  const unlock = dataDir.startsWith("memory://") ? () => {} : lockDataDir(dataDir);
  const db = new PGlite(dataDir);
  await db.waitReady;
  return { db, unlock };
}

/** One process at a time may open an embedded database's files; a second gets a clear error. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`the embedded database at ${dataDir} is in use by process ${pid} (a running npm start?); stop it first`);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
