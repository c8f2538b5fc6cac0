import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { PageQuery } from "../../platform/pagination.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { listCustomers, SORTS } from "../list-customers.ts";
import { filterOf, FilterQuery } from "./customer-filters.ts";
import { Customer } from "./schemas.ts";

const ListQuery = PageQuery.extend({ ...FilterQuery.shape, sort: z.enum(SORTS).default("-createdAt") });

export const route = defineRoute({
  operationId: "customers.list",
  method: "get",
  path: "/v1/customers",
  tags: ["customers"],
  summary: "Search, filter, sort and page through customers",
  request: { query: ListQuery },
  responses: {
    200: json(z.object({ items: z.array(Customer), nextCursor: z.string().nullable() }), "One page of customers."),
    400: json(ProblemSchema, "A filter, the sort or the cursor is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { sort, cursor, limit, ...query } = c.req.valid("query");
  const page = await listCustomers(c.get("services").db(), currentActor(c), filterOf(query), { sort, cursor, limit });
  return c.json(page as z.infer<(typeof route.responses)[200]["content"]["application/json"]["schema"]>, 200);
};
