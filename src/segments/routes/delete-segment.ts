import type { RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { deleteSegment } from "../dynamic/segments.ts";
import { SegmentParams } from "./get-segment.ts";

export const route = defineRoute({
  operationId: "segments.delete",
  method: "delete",
  path: "/v1/segments/{segmentId}",
  tags: ["segments"],
  summary: "Remove a saved segment (its customers stay)",
  request: { params: SegmentParams },
  responses: { 204: { description: "Removed." }, 404: json(ProblemSchema, "No such segment in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  await deleteSegment(c.get("services").db(), currentActor(c), c.req.valid("param").segmentId);
  return c.body(null, 204);
};
