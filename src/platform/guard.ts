import type { MiddlewareHandler } from "hono";
import { authenticate } from "./authenticate.ts";
import type { AppEnv } from "./context.ts";
import { ForbiddenError } from "./errors.ts";
import { permissionFor } from "./permissions.ts";

/**
 * Enforces the permission table for one operation: public routes pass; others need a verified
 * credential of an allowed kind (401 otherwise) and an allowed role (403 otherwise). The
 * decision is looked up once, when the route is defined, and a missing one is a startup error.
 */
export function guard(operationId: string): MiddlewareHandler<AppEnv> {
  const permission = permissionFor(operationId);
  if (!permission) throw new Error(`${operationId} has no entry in PERMISSIONS; every route needs a decision.`);
  return async function guard(c, next) {
    if (permission.public) return next();
    const actor = await authenticate(c);
    if (!permission.credentials.includes(actor.kind)) {
      const widgetOnly = permission.credentials.length === 1 && permission.credentials[0] === "publishable_key";
      throw new ForbiddenError(widgetOnly ? `Wrong key type: ${operationId} takes a publishable key (pk_live_...), not a ${actor.kind.replace("_", " ")}.` : `A ${actor.kind.replace("_", " ")} may not call ${operationId}.`);
    }
    if (actor.kind !== "publishable_key" && !permission.roles.includes(actor.role)) {
      throw new ForbiddenError(`The ${actor.role} role may not call ${operationId}.`);
    }
    c.set("actor", actor);
    await next();
  };
}
