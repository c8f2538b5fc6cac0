import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { guard } from "./guard.ts";
import { idempotent } from "./idempotency.ts";
import { ProblemSchema } from "./openapi.ts";
import { PERMISSIONS, type OperationId, type Permission } from "./permissions.ts";

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/**
 * `createRoute` with the permission table applied: the route gets the guard for its
 * operationId, the bearer security requirement, and its 401/403 answers in the document.
 * Routes are defined through this, so none can ship without a permission decision. A route
 * that creates (POST answering 201) also honours `Idempotency-Key`.
 */
export function defineRoute<const R extends Omit<RouteConfig, "middleware" | "security"> & { operationId: OperationId }>(
  config: R,
) {
  const check = guard(config.operationId);
  const permission: Permission = PERMISSIONS[config.operationId];
  if (permission.public) return createRoute({ ...config, middleware: [check] as const, security: [] });
  const creates = config.method === "post" && "201" in config.responses;
  return createRoute({
    ...config,
    middleware: creates ? ([check, idempotent(config.operationId)] as const) : ([check] as const),
    security: [{ bearerAuth: [] }],
    responses: {
      401: problem("No credential, or one that is invalid, expired or revoked."),
      403: problem("The credential's kind or role may not do this."),
      ...config.responses,
    },
  });
}
