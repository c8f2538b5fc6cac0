import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./context.ts";

const common = {
  strictTransportSecurity: "max-age=63072000; includeSubDomains",
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
} as const;

/** API answers are JSON, CSV or problem documents: nothing in them may load or run anything, or be framed. */
const forApi = secureHeaders({ ...common, contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] } });

/** The API reference page runs Scalar's script from its CDN and its own inline start-up. */
const forDocs = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-inline'", "https://cdn.jsdelivr.net"],
    styleSrc: ["'self'", "'unsafe-inline'", "https://cdn.jsdelivr.net", "https://fonts.scalar.com"],
    fontSrc: ["'self'", "data:", "https://fonts.scalar.com", "https://cdn.jsdelivr.net"],
    imgSrc: ["'self'", "data:", "https:"],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
});

/** The hosted survey link runs only the Worker's own widget script, which talks only to the Worker. */
const forHostedSurvey = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    connectSrc: ["'self'"],
    styleSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
});

/**
 * Security headers on every response the Worker makes (HSTS, nosniff, no referrer, no framing,
 * a content security policy); static assets get theirs from `web/public/_headers`.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function securityHeaders(c, next) {
    return (c.req.path === "/docs" ? forDocs : c.req.path.startsWith("/s/") ? forHostedSurvey : forApi)(c, next);
  };
}
