import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import * as createIntegration from "./create-integration.ts";
import * as deleteIntegration from "./delete-integration.ts";
import * as getDelivery from "./get-delivery.ts";
import * as getIntegration from "./get-integration.ts";
import * as listDeliveries from "./list-deliveries.ts";
import * as listIntegrations from "./list-integrations.ts";
import * as receiveHook from "./receive-hook.ts";
import * as replayDelivery from "./replay-delivery.ts";
import * as rotateSecret from "./rotate-secret.ts";
import * as sendTestDelivery from "./send-test-delivery.ts";
import * as updateIntegration from "./update-integration.ts";

export const webhookRoutes = new OpenAPIHono<AppEnv>()
  .openapi(receiveHook.route, receiveHook.handler)
  .openapi(createIntegration.route, createIntegration.handler)
  .openapi(listIntegrations.route, listIntegrations.handler)
  .openapi(getIntegration.route, getIntegration.handler)
  .openapi(updateIntegration.route, updateIntegration.handler)
  .openapi(rotateSecret.route, rotateSecret.handler)
  .openapi(deleteIntegration.route, deleteIntegration.handler)
  .openapi(sendTestDelivery.route, sendTestDelivery.handler)
  .openapi(listDeliveries.route, listDeliveries.handler)
  .openapi(getDelivery.route, getDelivery.handler)
  .openapi(replayDelivery.route, replayDelivery.handler);
