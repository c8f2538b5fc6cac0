import { z, type RouteHandler } from "@hono/zod-openapi";
import { Customer } from "../../customers/routes/schemas.ts";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../platform/pagination.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { SegmentFilterSchema } from "../dynamic/filter-schema.ts";
import { previewSegment } from "../dynamic/segments.ts";

const PreviewInput = z
  .object({ filter: SegmentFilterSchema, limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE) })
  .strict()
  .openapi("PreviewSegmentInput");

export const route = defineRoute({
  operationId: "segments.preview",
  method: "post",
  path: "/v1/segments/preview",
  tags: ["segments"],
  summary: "What an unsaved filter would match: the member count and the first page",
  description: "Nothing is saved. Audited, since it shows customers.",
  request: { body: jsonBody(PreviewInput) },
  responses: {
    200: json(z.object({ memberCount: z.number().int(), items: z.array(Customer) }), "The count and the first members."),
    400: json(ProblemSchema, "The filter is invalid; each issue points at its place in the filter."),
    422: json(ProblemSchema, "The filter names a custom attribute the tenant has not declared."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { filter, limit } = c.req.valid("json");
  const { memberCount, items } = await previewSegment(c.get("services").db(), currentActor(c), filter, limit);
  return c.json({ memberCount, items } as z.infer<(typeof route.responses)[200]["content"]["application/json"]["schema"]>, 200);
};
