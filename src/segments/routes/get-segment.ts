import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, Uuid } from "../../tenancy/routes/schemas.ts";
import { getSegment } from "../dynamic/segments.ts";
import { Segment, segmentView } from "./segment-views.ts";

export const SegmentParams = z.object({ segmentId: Uuid("segmentId") });

export const route = defineRoute({
  operationId: "segments.get",
  method: "get",
  path: "/v1/segments/{segmentId}",
  tags: ["segments"],
  summary: "A saved segment with its member count",
  request: { params: SegmentParams },
  responses: { 200: json(Segment, "The segment."), 404: json(ProblemSchema, "No such segment in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const row = await getSegment(c.get("services").db(), currentActor(c), c.req.valid("param").segmentId);
  return c.json(segmentView(row), 200);
};
