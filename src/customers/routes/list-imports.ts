import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { PageQuery } from "../../platform/pagination.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { listImports } from "../import/list-imports.ts";
import { Import, importView } from "./imports.ts";

export const route = defineRoute({
  operationId: "imports.list",
  method: "get",
  path: "/v1/imports",
  tags: ["imports"],
  summary: "The tenant's imports with their status and progress, newest first",
  request: { query: PageQuery },
  responses: {
    200: json(z.object({ items: z.array(Import), nextCursor: z.string().nullable() }), "One page of imports."),
    400: json(ProblemSchema, "The cursor or the limit is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const page = await listImports(c.get("services").db(), currentActor(c), c.req.valid("query"));
  return c.json({ items: page.items.map(importView), nextCursor: page.nextCursor }, 200);
};
