import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { PageQuery } from "../../platform/pagination.ts";
import { listAuditLog } from "../audit-log.ts";
import { AuditEntry, json, Timestamp } from "./schemas.ts";
import { auditEntryView } from "./views.ts";

const AuditQuery = PageQuery.extend({
  action: z.string().max(100).optional().openapi({ example: "members.update" }),
  actorId: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
});

export const route = defineRoute({
  operationId: "audit_log.list",
  method: "get",
  path: "/v1/audit-log",
  tags: ["audit log"],
  summary: "The audit trail, newest first",
  request: { query: AuditQuery },
  responses: {
    200: json(z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }), "One page of entries."),
    400: json(ProblemSchema, "A filter or the cursor is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { cursor, limit, from, to, ...filter } = c.req.valid("query");
  const page = await listAuditLog(
    c.get("services").db(),
    currentActor(c),
    { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
    { cursor, limit },
  );
  return c.json({ items: page.items.map(auditEntryView), nextCursor: page.nextCursor }, 200);
};
