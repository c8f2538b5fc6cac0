import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { createApiKey } from "../api-keys.ts";
import { ApiKey, json, jsonBody, KeyRole, Name, Timestamp } from "./schemas.ts";
import { apiKeyView } from "./views.ts";

const Expiry = Timestamp.optional()
  .refine((value) => value === undefined || new Date(value) > new Date(), { error: "must be in the future" })
  .openapi({ description: "When the key stops working; omit for a key that lasts until revoked." });

const CreateApiKeyInput = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("secret"), name: Name, role: KeyRole, expiresAt: Expiry }),
    z.object({ kind: z.literal("publishable"), name: Name, expiresAt: Expiry }),
  ])
  .openapi("CreateApiKeyInput");

const CreatedApiKey = z
  .object({ apiKey: ApiKey, key: z.string().openapi({ description: "The key itself. A secret key is shown only here." }) })
  .openapi("CreatedApiKey");

export const route = defineRoute({
  operationId: "api_keys.create",
  method: "post",
  path: "/v1/api-keys",
  tags: ["api keys"],
  summary: "Create a secret key for a server, or a publishable key for the widget",
  description:
    "A secret key (`sk_live_...`) acts with the role it is given (admin, analyst or viewer). A publishable key (`pk_live_...`) can only read published surveys and submit responses, and only from the tenant's allowed origins.",
  request: { body: jsonBody(CreateApiKeyInput) },
  responses: {
    201: json(CreatedApiKey, "The key, shown once."),
    400: json(ProblemSchema, "The input is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : undefined;
  const { apiKey, key } = await createApiKey(c.get("services").db(), currentActor(c), { ...input, expiresAt });
  return c.json({ apiKey: apiKeyView(apiKey), key }, 201);
};
