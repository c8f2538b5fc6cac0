import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { findDuplicates } from "../find-duplicates.ts";
import { mergeCustomers, undoMerge, type MergeRow } from "../merge-customers.ts";
import { Customer, CustomerId } from "./schemas.ts";

const Merge = z
  .object({ id: z.uuid(), survivorId: z.uuid(), mergedId: z.uuid(), mergedAt: z.string(), undoneAt: z.string().nullable() })
  .openapi("Merge");

function mergeView(row: MergeRow): z.infer<typeof Merge> {
  return { id: row.id, survivorId: row.survivorId, mergedId: row.mergedId, mergedAt: row.mergedAt.toISOString(), undoneAt: row.undoneAt?.toISOString() ?? null };
}

export const duplicates = defineRoute({
  operationId: "customers.duplicates",
  method: "get",
  path: "/v1/customers/duplicates",
  tags: ["customers"],
  summary: "Candidate duplicate pairs, best match first, with the reasons they match",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: {
    200: json(
      z.object({ items: z.array(z.object({ customers: z.array(Customer), score: z.number(), reasons: z.array(z.string()) })) }),
      "Pairs with a score from 0 to 1.",
    ),
    400: json(ProblemSchema, "The limit is invalid."),
  },
});

export const duplicatesHandler: RouteHandler<typeof duplicates, AppEnv> = async (c) => {
  const items = await findDuplicates(c.get("services").db(), currentActor(c), c.req.valid("query").limit);
  return c.json({ items } as z.infer<(typeof duplicates.responses)[200]["content"]["application/json"]["schema"]>, 200);
};

export const merge = defineRoute({
  operationId: "customers.merge",
  method: "post",
  path: "/v1/customers/{customerId}/merge",
  tags: ["customers"],
  summary: "Merge a duplicate into this customer",
  description:
    "This customer's values win and gaps are filled from the duplicate; tags are united; the duplicate's identities, orders and timeline move here; the duplicate is removed. The returned merge can be undone.",
  request: { params: CustomerId, body: jsonBody(z.object({ duplicateId: z.uuid() }).openapi("MergeInput")) },
  responses: {
    201: json(Merge, "The merge."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "Either customer does not exist in this tenant."),
  },
});

export const mergeHandler: RouteHandler<typeof merge, AppEnv> = async (c) => {
  const row = await mergeCustomers(c.get("services").db(), currentActor(c), c.req.valid("param").customerId, c.req.valid("json").duplicateId);
  return c.json(mergeView(row), 201);
};

export const undo = defineRoute({
  operationId: "customers.merges.undo",
  method: "post",
  path: "/v1/customer-merges/{mergeId}/undo",
  tags: ["customers"],
  summary: "Undo a merge, restoring both customers exactly",
  request: { params: z.object({ mergeId: z.uuid({ error: "must be a UUID" }).openapi({ param: { name: "mergeId", in: "path" } }) }) },
  responses: {
    200: json(Merge, "The merge, undone."),
    404: json(ProblemSchema, "No such merge in this tenant."),
    409: json(ProblemSchema, "Already undone, or the surviving customer changed since."),
  },
});

export const undoHandler: RouteHandler<typeof undo, AppEnv> = async (c) => {
  const row = await undoMerge(c.get("services").db(), currentActor(c), c.req.valid("param").mergeId);
  return c.json(mergeView(row), 200);
};
