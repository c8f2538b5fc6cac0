import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { Uuid } from "../../tenancy/routes/schemas.ts";
import { Answer } from "../answers.ts";
import { saveResponse } from "../save-response.ts";

export const VisitorId = z.string().min(8).max(64).openapi({ description: "The widget's anonymous id for the browser.", example: "v_8f2c1e0b9a" });

export const IdentityClaimInput = z
  .object({
    externalId: z.string().min(1).max(255).optional(),
    email: z.string().max(254).optional(),
    signature: z.string().regex(/^[0-9a-fA-F]{64}$/, { error: "must be the hex HMAC-SHA256" }),
  })
  .strict()
  .refine((claim) => (claim.externalId === undefined) !== (claim.email === undefined), { error: "give either externalId or email" })
  .openapi("IdentityClaim", { description: "Signed by the tenant's server: hex HMAC-SHA256 of externalId, or of the email lower-cased, with the identity secret." });

const SaveResponseInput = z
  .object({
    surveyId: z.uuid(),
    version: z.number().int().min(1),
    visitorId: VisitorId,
    language: z.string().min(2).max(35),
    answers: z.record(z.string().max(64), Answer).refine((answers) => Object.keys(answers).length <= 100, { error: "at most 100 answers" }),
    complete: z.boolean(),
    startedAt: z.iso.datetime({ offset: true }),
    website: z.string().max(500).optional().openapi({ description: "A honeypot the widget leaves empty; a filled one drops the response silently." }),
    identity: IdentityClaimInput.optional(),
    pageUrl: z.string().max(2000).optional(),
  })
  .strict()
  .openapi("SaveResponseInput");

const SavedResponse = z.object({ id: z.uuid(), status: z.enum(["partial", "complete"]) }).openapi("SavedResponse");

export const route = defineRoute({
  operationId: "widget.responses.save",
  method: "put",
  path: "/v1/widget/responses/{responseId}",
  tags: ["widget"],
  summary: "Save a visitor's answers, partially as they go or complete",
  description:
    "Idempotent per response id (a UUID the widget makes): later saves merge their answers, a completed response cannot change (409) and the same final body again is 200. Answers are checked against the version answered; any wrong one is a 4xx and nothing is stored. A filled honeypot or a completion within 2 s of `startedAt` is answered 202 and stored nowhere. Rate limited per visitor and per client address (429 with Retry-After). Bodies up to 64 KiB.",
  request: { params: z.object({ responseId: Uuid("responseId") }), body: jsonBody(SaveResponseInput) },
  responses: {
    200: json(SavedResponse, "Saved."),
    202: json(SavedResponse, "Accepted and discarded (honeypot or too fast)."),
    400: json(ProblemSchema, "The body is malformed."),
    403: json(ProblemSchema, "Wrong key type, an origin the tenant does not allow, or an identity signature that does not verify."),
    404: json(ProblemSchema, "No such published survey."),
    409: json(ProblemSchema, "The response is complete, belongs to another survey or visitor, or the survey is closed."),
    413: json(ProblemSchema, "The body is over 64 KiB."),
    422: json(ProblemSchema, "An answer does not fit the survey version; the issues name each."),
    429: json(ProblemSchema, "Too many saves from this visitor or address."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const outcome = await saveResponse(c.get("services").db(), c.env.JOBS, currentActor(c), c.req.valid("param").responseId, { ...input, startedAt: new Date(input.startedAt) });
  return c.json({ id: outcome.id, status: outcome.status }, outcome.discarded ? 202 : 200);
};
