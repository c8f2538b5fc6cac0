import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, Timestamp, Uuid } from "../../tenancy/routes/schemas.ts";
import { portraitOfCustomer } from "../portraits/customer-portrait.ts";
import { PortraitTag } from "./portrait-views.ts";

export const route = defineRoute({
  operationId: "customers.portrait",
  method: "get",
  path: "/v1/customers/{customerId}/portrait",
  tags: ["segmentation"],
  summary: "A customer's portrait: weighted tags for a tag cloud",
  description:
    "Segment, value tier, cluster traits, loyalty type and activity from the latest finished run that scored the customer; the products they spent most on; keywords of their feedback.",
  request: { params: z.object({ customerId: Uuid("customerId") }) },
  responses: {
    200: json(
      z.object({ customerId: z.uuid(), runId: z.uuid().nullable(), asOf: Timestamp.nullable(), tags: z.array(PortraitTag) }).openapi("CustomerPortrait"),
      "The portrait, heaviest tag first; run fields are null when no run has scored the customer.",
    ),
    404: json(ProblemSchema, "No such customer in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const portrait = await portraitOfCustomer(c.get("services").db(), currentActor(c), c.req.valid("param").customerId);
  return c.json({ ...portrait, asOf: portrait.asOf?.toISOString() ?? null }, 200);
};
