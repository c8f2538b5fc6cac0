import { Pool, neonConfig } from "@neondatabase/serverless";
import ws from "ws";
import type { Bridge } from "./bridge.ts";

/**
 * A Neon driver pool in Node that reaches the database through the local bridge, the same
 * protocol path the Worker takes. The driver's proxy setting is process-wide, so one process
 * talks to one bridge at a time: the one named in the latest call.
 */
export function nodePool(bridge: Pick<Bridge, "proxy" | "databaseUrl">, max = 1): Pool {
  neonConfig.webSocketConstructor = ws;
  neonConfig.wsProxy = (host, port) => `${bridge.proxy}/v2?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineConnect = false;
  return new Pool({ connectionString: bridge.databaseUrl, max, idleTimeoutMillis: 1000 });
}
