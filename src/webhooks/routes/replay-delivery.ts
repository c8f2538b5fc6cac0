import type { RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { replayDelivery } from "../deliveries.ts";
import { DeliveryParams } from "./get-delivery.ts";
import { Delivery } from "./schemas.ts";
import { deliveryView } from "./views.ts";

export const route = defineRoute({
  operationId: "integrations.deliveries.replay",
  method: "post",
  path: "/v1/integrations/{integrationId}/deliveries/{deliveryId}/replay",
  tags: ["integrations"],
  summary: "Process a delivery again",
  description: "For a dead delivery once its cause is fixed, or to re-apply a processed one (an update older than what is stored changes nothing).",
  request: { params: DeliveryParams },
  responses: {
    202: json(Delivery, "Queued; follow its status in the delivery log."),
    404: json(ProblemSchema, "No such delivery in this integration."),
    409: json(ProblemSchema, "The payload was purged after the retention period."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { integrationId, deliveryId } = c.req.valid("param");
  const { db } = c.get("services");
  const row = await replayDelivery(db(), c.env.JOBS, currentActor(c), integrationId, deliveryId);
  return c.json(deliveryView(row), 202);
};
