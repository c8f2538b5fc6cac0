import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { openDatabase } from "../../platform/db.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { exportSegment } from "../dynamic/segments.ts";
import { SegmentParams } from "./get-segment.ts";

export const route = defineRoute({
  operationId: "segments.export",
  method: "get",
  path: "/v1/segments/{segmentId}/export.csv",
  tags: ["segments"],
  summary: "A segment's members as CSV, streamed",
  description: "The customer export's columns (UTF-8 with a BOM, one column per custom attribute). Audited.",
  request: { params: SegmentParams },
  responses: {
    200: { description: "The CSV file.", content: { "text/csv": { schema: z.string() } } },
    404: json(ProblemSchema, "No such segment in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const services = c.get("services");
  const { stream } = await exportSegment(() => openDatabase(services.env), services.db(), currentActor(c), c.req.valid("param").segmentId);
  const day = new Date().toISOString().slice(0, 10);
  return c.body(stream, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="segment-${c.req.valid("param").segmentId}-${day}.csv"`,
    "cache-control": "no-store",
  });
};
