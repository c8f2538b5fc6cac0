import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody, Name } from "../../tenancy/routes/schemas.ts";
import { SegmentFilterSchema } from "../dynamic/filter-schema.ts";
import { createSegment } from "../dynamic/segments.ts";
import { Segment, segmentView } from "./segment-views.ts";

export const Description = z.string().trim().max(2000);

const CreateSegmentInput = z.object({ name: Name, description: Description.nullable().optional(), filter: SegmentFilterSchema }).strict().openapi("CreateSegmentInput");

export const route = defineRoute({
  operationId: "segments.create",
  method: "post",
  path: "/v1/segments",
  tags: ["segments"],
  summary: "Save a dynamic segment: a named filter over customer fields, scores, tags and custom attributes",
  description: "Members are whoever matches when the segment is read; `score.*` fields read the latest finished segmentation run.",
  request: { body: jsonBody(CreateSegmentInput) },
  responses: {
    201: json(Segment, "The segment, with its member count."),
    400: json(ProblemSchema, "The input or the filter is invalid; each issue points at its place in the filter."),
    422: json(ProblemSchema, "The filter names a custom attribute the tenant has not declared."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const row = await createSegment(c.get("services").db(), currentActor(c), c.req.valid("json"));
  return c.json(segmentView(row), 201);
};
