import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.ts";
import { newId } from "./ids.ts";
import { createLogger, type LogLevel } from "./logger.ts";

/**
 * Gives every request an id (`req_...`, echoed in `X-Request-Id`) and a logger that carries it,
 * and writes one access line per request.
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async function requestContext(c, next) {
    const requestId = newId("req");
    const level = (["debug", "info", "warn", "error"] as const).find((l) => l === c.env?.LOG_LEVEL) ?? "info";
    const log = createLogger({ requestId }, level satisfies LogLevel);
    c.set("requestId", requestId);
    c.set("log", log);
    const started = Date.now();
    await next();
    c.header("X-Request-Id", requestId);
    log.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - started,
    });
  };
}
