import type { Context } from "hono";
import type { AppEnv } from "./context.ts";
import { UnauthorizedError } from "./errors.ts";
import type { Role } from "./roles.ts";

/** Where a request came from, for the audit trail and login throttling. */
export type RequestOrigin = { ip: string | null; userAgent: string | null };

/** Who is making a request, once its credential has been verified. */
export type Actor =
  | { kind: "user"; tenantId: string; role: Role; userId: string; sessionId: string; origin: RequestOrigin }
  | { kind: "secret_key"; tenantId: string; role: Role; keyId: string; origin: RequestOrigin }
  | { kind: "publishable_key"; tenantId: string; keyId: string; origin: RequestOrigin };

/** The id the audit trail records for an actor: a user id or an API key id. */
export function actorId(actor: Actor): string {
  return actor.kind === "user" ? actor.userId : actor.keyId;
}

const MAX_USER_AGENT = 512;

/** The client address as Cloudflare reports it, and the user agent, bounded in length. */
export function requestOrigin(c: Context): RequestOrigin {
  const ip = c.req.header("cf-connecting-ip") ?? null;
  const userAgent = c.req.header("user-agent")?.slice(0, MAX_USER_AGENT) ?? null;
  return { ip, userAgent };
}

/** The actor the guard verified; routes behind a permission entry always have one. */
export function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw new UnauthorizedError();
  return actor;
}
