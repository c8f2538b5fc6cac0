import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { setResponseWebhook } from "../response-webhook.ts";

const EndpointUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2000)
  .openapi({ example: "https://example.com/hooks/ckm" });

const SetWebhookInput = z.object({ url: EndpointUrl.nullable() }).strict().openapi("SetResponseWebhookInput");

export const route = defineRoute({
  operationId: "surveys.webhook.set",
  method: "put",
  path: "/v1/surveys/webhook",
  tags: ["surveys"],
  summary: "Set the endpoint that receives each completed response (Standard Webhooks)",
  description:
    "Each completed response is posted as `{type: \"survey.response.completed\", timestamp, data}` with `webhook-id` (`msg_<responseId>`), `webhook-timestamp` and `webhook-signature` headers, and retried with backoff until the endpoint answers 2xx. Setting a URL makes a new signing secret, shown only in this answer; `url: null` stops the posts.",
  request: { body: jsonBody(SetWebhookInput) },
  responses: {
    200: json(z.object({ url: z.string().nullable(), secret: z.string().nullable() }).openapi("ResponseWebhook"), "The endpoint and its new secret."),
    400: json(ProblemSchema, "The URL is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  return c.json(await setResponseWebhook(c.get("services").db(), currentActor(c), c.req.valid("json").url), 200);
};
