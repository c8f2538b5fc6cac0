import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, Uuid } from "../../tenancy/routes/schemas.ts";
import { getDelivery } from "../deliveries.ts";
import { Delivery } from "./schemas.ts";
import { deliveryView } from "./views.ts";

export const DeliveryParams = z.object({ integrationId: Uuid("integrationId"), deliveryId: Uuid("deliveryId") });

export const route = defineRoute({
  operationId: "integrations.deliveries.get",
  method: "get",
  path: "/v1/integrations/{integrationId}/deliveries/{deliveryId}",
  tags: ["integrations"],
  summary: "One delivery with its raw payload",
  request: { params: DeliveryParams },
  responses: {
    200: json(Delivery.extend({ payload: z.string().nullable().openapi({ description: "The body exactly as received; null once purged after the retention period." }) }), "The delivery."),
    404: json(ProblemSchema, "No such delivery in this integration."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { integrationId, deliveryId } = c.req.valid("param");
  const row = await getDelivery(c.get("services").db(), currentActor(c), integrationId, deliveryId);
  return c.json({ ...deliveryView(row), payload: row.payload }, 200);
};
