import type { Context } from "hono";
import { resolveApiKey, resolveSession } from "../tenancy/credentials.ts";
import { verifyAccessToken } from "./access-tokens.ts";
import { requestOrigin, type Actor } from "./actor.ts";
import type { AppEnv } from "./context.ts";
import { UnauthorizedError } from "./errors.ts";

const BEARER = /^Bearer +([\x21-\x7e]+)$/i;
export const SECRET_KEY_PREFIX = "sk_live_";
export const PUBLISHABLE_KEY_PREFIX = "pk_live_";

/**
 * The origin of the page that sent the request: its Origin header, or, for the Worker's own
 * pages (the hosted survey link), whose same-origin GETs carry none, the Worker's own origin.
 */
function pageOrigin(c: Context<AppEnv>): { page: string | undefined; own: string } {
  const own = new URL(c.req.url).origin;
  const page = c.req.header("origin") ?? (c.req.header("sec-fetch-site") === "same-origin" ? own : undefined);
  return { page, own };
}

/**
 * Verifies the request's `Authorization: Bearer` credential (an access JWT, a secret key or a
 * publishable key) and returns who is acting. Every failure is a 401 with `WWW-Authenticate`.
 */
export async function authenticate(c: Context<AppEnv>): Promise<Actor> {
  const header = c.req.header("authorization");
  if (!header) throw new UnauthorizedError("Send a credential: Authorization: Bearer <access token or API key>.", true);
  const token = BEARER.exec(header)?.[1];
  if (!token) throw new UnauthorizedError("The Authorization header must be: Bearer <access token or API key>.");
  const services = c.get("services");
  const origin = requestOrigin(c);
  if (token.startsWith(SECRET_KEY_PREFIX) || token.startsWith(PUBLISHABLE_KEY_PREFIX)) {
    return resolveApiKey(services.db(), token, origin, pageOrigin(c));
  }
  const claims = await verifyAccessToken(await services.signingKeys(), token);
  return resolveSession(services.db(), claims, origin);
}
