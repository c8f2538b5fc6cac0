import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { listSegments } from "../dynamic/segments.ts";
import { Segment, segmentView } from "./segment-views.ts";

export const route = defineRoute({
  operationId: "segments.list",
  method: "get",
  path: "/v1/segments",
  tags: ["segments"],
  summary: "The tenant's saved segments by name, each with its member count",
  responses: { 200: json(z.object({ items: z.array(Segment) }), "Every saved segment (at most 200).") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const rows = await listSegments(c.get("services").db(), currentActor(c));
  return c.json({ items: rows.map(segmentView) }, 200);
};
