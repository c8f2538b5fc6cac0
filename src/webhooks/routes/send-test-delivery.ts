import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { sendTestDelivery } from "../send-test-delivery.ts";
import { IntegrationParams } from "./get-integration.ts";

export const route = defineRoute({
  operationId: "integrations.test_delivery",
  method: "post",
  path: "/v1/integrations/{integrationId}/test-delivery",
  tags: ["integrations"],
  summary: "Send a signed sample through the real receive path",
  description:
    "A customer-updated event in the platform's own shape, signed with the current secret, goes through verification, recording and the queue like a real one. It creates or updates one test customer, `webhook-test@example.com`, tagged `ckm-test`.",
  request: { params: IntegrationParams },
  responses: {
    202: json(z.object({ deliveryId: z.uuid(), topic: z.string() }).openapi("TestDelivery"), "Recorded and queued; follow it in the delivery log."),
    404: json(ProblemSchema, "No such integration in this tenant."),
    410: json(ProblemSchema, "The integration is disabled."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { db } = c.get("services");
  const sent = await sendTestDelivery(db(), c.env.JOBS, currentActor(c), c.req.valid("param").integrationId, c.get("log"));
  return c.json(sent, 202);
};
