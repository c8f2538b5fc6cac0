import { z, type RouteHandler } from "@hono/zod-openapi";
import { Customer } from "../../customers/routes/schemas.ts";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { PageQuery } from "../../platform/pagination.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { segmentMembers } from "../dynamic/segments.ts";
import { SegmentParams } from "./get-segment.ts";

export const route = defineRoute({
  operationId: "segments.members",
  method: "get",
  path: "/v1/segments/{segmentId}/members",
  tags: ["segments"],
  summary: "The customers a segment matches now, oldest record first, cursor-paged",
  request: { params: SegmentParams, query: PageQuery },
  responses: {
    200: json(z.object({ items: z.array(Customer), nextCursor: z.string().nullable() }), "One page of members."),
    400: json(ProblemSchema, "The cursor or the limit is invalid."),
    404: json(ProblemSchema, "No such segment in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid("query");
  const page = await segmentMembers(c.get("services").db(), currentActor(c), c.req.valid("param").segmentId, { cursor, limit });
  return c.json(page as z.infer<(typeof route.responses)[200]["content"]["application/json"]["schema"]>, 200);
};
