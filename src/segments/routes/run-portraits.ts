import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { PORTRAIT_GROUPINGS, runPortraits } from "../portraits/run-portraits.ts";
import { RunParams } from "./get-run.ts";
import { PortraitTag } from "./portrait-views.ts";

const GroupPortrait = z
  .object({ key: z.string(), label: z.string(), customers: z.number().int(), share: z.number(), tags: z.array(PortraitTag) })
  .openapi("GroupPortrait");

export const route = defineRoute({
  operationId: "segmentation.runs.portraits",
  method: "get",
  path: "/v1/segmentation/runs/{runId}/portraits",
  tags: ["segmentation"],
  summary: "Portraits of a run's RFM segments or clusters: weighted tags for tag clouds",
  request: { params: RunParams, query: z.object({ by: z.enum(PORTRAIT_GROUPINGS).default("segment") }) },
  responses: {
    200: json(z.object({ runId: z.uuid(), by: z.enum(PORTRAIT_GROUPINGS), groups: z.array(GroupPortrait) }), "One portrait per group, largest group first."),
    400: json(ProblemSchema, "The grouping is invalid."),
    404: json(ProblemSchema, "No such run in this tenant."),
    409: json(ProblemSchema, "The run has not finished."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { runId } = c.req.valid("param");
  const { by } = c.req.valid("query");
  const groups = await runPortraits(c.get("services").db(), currentActor(c), runId, by);
  return c.json({ runId, by, groups }, 200);
};
