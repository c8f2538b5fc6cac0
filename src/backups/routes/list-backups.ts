import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { listBackups } from "../backups.ts";
import { Backup, backupView } from "./views.ts";

const ListQuery = z.object({
  cursor: z.uuid({ error: "is not a cursor this API issued" }).optional().openapi({ description: "The `nextCursor` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const route = defineRoute({
  operationId: "backups.list",
  method: "get",
  path: "/v1/backups",
  tags: ["backups"],
  summary: "The tenant's backups, newest first, with status, sizes and row counts",
  request: { query: ListQuery },
  responses: {
    200: json(z.object({ items: z.array(Backup), nextCursor: z.string().nullable() }), "One page of backups."),
    400: json(ProblemSchema, "The cursor or limit is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid("query");
  const page = await listBackups(c.get("services").db(), currentActor(c), { before: cursor, limit });
  return c.json({ items: page.items.map(backupView), nextCursor: page.next }, 200);
};
