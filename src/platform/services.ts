import type { MiddlewareHandler } from "hono";
import { parseEnv } from "../env.ts";
import type { AppEnv } from "./context.ts";
import { keyRingFor } from "./access-tokens.ts";
import { openDatabase, type DatabaseHandle } from "./db.ts";

/**
 * Creates the request's services: the parsed environment and a database pool opened on first
 * use. The pool is closed after the response, through `waitUntil` where the runtime offers it.
 */
export function services(): MiddlewareHandler<AppEnv> {
  return async function services(c, next) {
    const env = parseEnv(c.env ?? {});
    let handle: DatabaseHandle | undefined;
    c.set("services", {
      env,
      db() {
        handle ??= openDatabase(env);
        return handle.db;
      },
      signingKeys: () => keyRingFor(env.AUTH_SIGNING_KEYS),
    });
    try {
      await next();
    } finally {
      if (handle) {
        const closing = handle.close().catch((error: unknown) => c.get("log").warn("pool close failed", { error: String(error) }));
        waitUntil(c, closing);
      }
    }
  };
}

function waitUntil(c: Parameters<MiddlewareHandler<AppEnv>>[0], promise: Promise<unknown>): void {
  let ctx: ExecutionContext | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined;
  }
  if (ctx) ctx.waitUntil(promise);
}
