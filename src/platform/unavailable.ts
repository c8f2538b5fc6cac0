import { UnavailableError } from "./errors.ts";

/**
 * Recognises a lost or refused database connection, which a client should retry, as opposed to
 * a bug. SQLSTATE classes 08 (connection exception), 53 (insufficient resources) and 57P
 * (operator intervention), and the driver's own socket errors.
 */
export function asUnavailable(error: unknown): UnavailableError | undefined {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = next(e)) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    const message = (e as { message?: unknown }).message;
    if (typeof code === "string" && /^(08|53|57P)/.test(code)) return unavailable();
    if (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/.test(code)) return unavailable();
    if (typeof message === "string" && /websocket|network connection lost|connection terminated|connection refused|connection error|not queryable|socket/i.test(message)) {
      return unavailable();
    }
  }
  return undefined;
}

/** The wrapped error: drizzle wraps driver errors in `cause`, WebSocket error events in `error`. */
function next(e: object): unknown {
  return (e as { cause?: unknown }).cause ?? (e as { error?: unknown }).error;
}

function unavailable(): UnavailableError {
  return new UnavailableError("The database is unreachable right now; retry shortly.", 2);
}
