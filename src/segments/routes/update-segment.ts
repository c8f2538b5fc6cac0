import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody, Name } from "../../tenancy/routes/schemas.ts";
import { SegmentFilterSchema } from "../dynamic/filter-schema.ts";
import { updateSegment } from "../dynamic/segments.ts";
import { Description } from "./create-segment.ts";
import { SegmentParams } from "./get-segment.ts";
import { Segment, segmentView } from "./segment-views.ts";

const UpdateSegmentInput = z
  .object({ name: Name.optional(), description: Description.nullable().optional(), filter: SegmentFilterSchema.optional() })
  .strict()
  .openapi("UpdateSegmentInput");

export const route = defineRoute({
  operationId: "segments.update",
  method: "patch",
  path: "/v1/segments/{segmentId}",
  tags: ["segments"],
  summary: "Rename a segment, describe it, or change its filter",
  request: { params: SegmentParams, body: jsonBody(UpdateSegmentInput) },
  responses: {
    200: json(Segment, "The segment after the change."),
    400: json(ProblemSchema, "The input or the filter is invalid."),
    404: json(ProblemSchema, "No such segment in this tenant."),
    422: json(ProblemSchema, "The filter names a custom attribute the tenant has not declared."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const row = await updateSegment(c.get("services").db(), currentActor(c), c.req.valid("param").segmentId, c.req.valid("json"));
  return c.json(segmentView(row), 200);
};
