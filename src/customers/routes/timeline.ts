import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { PageQuery } from "../../platform/pagination.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { listTimeline, type InteractionKind } from "../timeline.ts";
import { CustomerId, Interaction } from "./schemas.ts";
import { interactionView } from "./views.ts";

const KINDS = ["note", "call", "email", "chat", "visit", "survey_response", "order", "merge", "field_change", "created"] as const;

export const route = defineRoute({
  operationId: "customers.timeline",
  method: "get",
  path: "/v1/customers/{customerId}/timeline",
  tags: ["customers"],
  summary: "A customer's timeline, newest first",
  request: {
    params: CustomerId,
    query: PageQuery.extend({
      kind: z
        .string()
        .max(200)
        .transform((value) => value.split(",").map((kind) => kind.trim()))
        .pipe(z.array(z.enum(KINDS)))
        .optional()
        .openapi({ description: `Comma-separated kinds: ${KINDS.join(", ")}.` }),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(Interaction), nextCursor: z.string().nullable() }), "One page of the timeline."),
    400: json(ProblemSchema, "A kind or the cursor is invalid."),
    404: json(ProblemSchema, "No such customer in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { cursor, limit, kind } = c.req.valid("query");
  const page = await listTimeline(c.get("services").db(), currentActor(c), c.req.valid("param").customerId, {
    kinds: kind as InteractionKind[] | undefined,
    cursor,
    limit,
  });
  return c.json({ items: page.items.map(interactionView), nextCursor: page.nextCursor }, 200);
};
