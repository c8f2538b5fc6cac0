import { sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../platform/context.ts";
import { ForbiddenError } from "../platform/errors.ts";
import { problemResponse } from "../platform/problem.ts";
import { withoutTenant } from "../platform/with-tenant.ts";

export const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * CORS for the widget's routes, and only those. A preflight (which carries no key) is answered
 * for an origin some tenant allows, echoing it; any other origin gets a 403 problem without CORS
 * headers. An actual request is answered with the origin echoed only when its publishable key
 * was accepted from that origin (the guard checks the key's own tenant's allowed origins).
 */
export function widgetCors(): MiddlewareHandler<AppEnv> {
  return async function widgetCors(c, next) {
    const origin = c.req.header("origin");
    if (c.req.method === "OPTIONS") {
      const allowed =
        origin !== undefined &&
        (await withoutTenant(c.get("services").db(), (tx) => tx.execute<{ allowed: boolean }>(sql`select widget_origin_allowed(${origin}) as allowed`))).rows[0]?.allowed === true;
      if (!allowed) return problemResponse(c, new ForbiddenError("This origin may not use the survey widget."));
      c.header("Vary", "Origin");
      return c.body(null, 204, {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "GET, PUT, POST",
        "access-control-allow-headers": "Authorization, Content-Type",
        "access-control-max-age": String(PREFLIGHT_MAX_AGE_SECONDS),
      });
    }
    await next();
    c.header("Vary", "Origin", { append: true });
    if (origin && c.get("actor")?.kind === "publishable_key") {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Expose-Headers", "Retry-After, X-Request-Id");
    }
  };
}
