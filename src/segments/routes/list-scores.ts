import { z, type RouteHandler } from "@hono/zod-openapi";
import { RFM_SEGMENTS } from "../../analytics/index.ts";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { listScores } from "../scores.ts";
import { RunParams } from "./get-run.ts";
import { Score, scoreView } from "./views.ts";

const ScoreQuery = z.object({
  segment: z.enum(RFM_SEGMENTS).optional(),
  cluster: z.coerce.number().int().min(0).max(20).optional(),
  cursor: z.uuid({ error: "is not a cursor this API issued" }).optional().openapi({ description: "The `nextCursor` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const route = defineRoute({
  operationId: "segmentation.runs.scores",
  method: "get",
  path: "/v1/segmentation/runs/{runId}/scores",
  tags: ["segmentation"],
  summary: "Every customer's scores in a run, optionally one segment or cluster",
  request: { params: RunParams, query: ScoreQuery },
  responses: {
    200: json(z.object({ items: z.array(Score), nextCursor: z.string().nullable() }), "One page of scores."),
    400: json(ProblemSchema, "A filter or the cursor is invalid."),
    404: json(ProblemSchema, "No such run in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { segment, cluster, cursor, limit } = c.req.valid("query");
  const page = await listScores(c.get("services").db(), currentActor(c), c.req.valid("param").runId, { segment, cluster }, { after: cursor, limit });
  return c.json({ items: page.items.map(scoreView), nextCursor: page.next }, 200);
};
