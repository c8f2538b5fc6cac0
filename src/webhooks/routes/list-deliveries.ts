import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { PageQuery } from "../../platform/pagination.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { listDeliveries } from "../deliveries.ts";
import { IntegrationParams } from "./get-integration.ts";
import { Delivery, DELIVERY_STATUSES } from "./schemas.ts";
import { deliveryView } from "./views.ts";

export const route = defineRoute({
  operationId: "integrations.deliveries.list",
  method: "get",
  path: "/v1/integrations/{integrationId}/deliveries",
  tags: ["integrations"],
  summary: "The integration's delivery log, newest first",
  request: { params: IntegrationParams, query: PageQuery.extend({ status: z.enum(DELIVERY_STATUSES).optional() }) },
  responses: {
    200: json(z.object({ items: z.array(Delivery), nextCursor: z.string().nullable() }), "One page of deliveries."),
    400: json(ProblemSchema, "A filter or the cursor is invalid."),
    404: json(ProblemSchema, "No such integration in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { cursor, limit, status } = c.req.valid("query");
  const page = await listDeliveries(c.get("services").db(), currentActor(c), c.req.valid("param").integrationId, { status }, { cursor, limit });
  return c.json({ items: page.items.map(deliveryView), nextCursor: page.nextCursor }, 200);
};
