import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { identifyVisitor } from "../identify-visitor.ts";
import { VisitorId } from "./widget-save-response.ts";

const IdentifyInput = z
  .object({
    visitorId: VisitorId,
    externalId: z.string().min(1).max(255).optional(),
    email: z.string().max(254).optional(),
    signature: z.string().regex(/^[0-9a-fA-F]{64}$/, { error: "must be the hex HMAC-SHA256" }),
  })
  .strict()
  .refine((claim) => (claim.externalId === undefined) !== (claim.email === undefined), { error: "give either externalId or email" })
  .openapi("IdentifyInput");

export const route = defineRoute({
  operationId: "widget.identify",
  method: "post",
  path: "/v1/widget/identify",
  tags: ["widget"],
  summary: "Link a visitor to a customer with a signed identity",
  description:
    "The customer is found by external id (any platform's, through the customer's identities) or by email. The visitor's earlier anonymous responses become the customer's and appear on their timeline; later ones follow.",
  request: { body: jsonBody(IdentifyInput) },
  responses: {
    204: { description: "Linked." },
    400: json(ProblemSchema, "The body is malformed."),
    403: json(ProblemSchema, "Wrong key type, a disallowed origin, or a signature that does not verify."),
    404: json(ProblemSchema, "No customer has that external id or email."),
    429: json(ProblemSchema, "Too many requests from this visitor or address."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { visitorId, ...claim } = c.req.valid("json");
  await identifyVisitor(c.get("services").db(), currentActor(c), visitorId, claim);
  return c.body(null, 204);
};
