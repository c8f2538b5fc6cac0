import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { PageQuery } from "../../platform/pagination.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { CUSTOMER_COLUMNS } from "../customer-view.ts";
import { listCustomers, SORTS } from "../list-customers.ts";
import { Customer } from "./schemas.ts";

const Instant = z.iso.datetime({ offset: true });
const Flag = z.enum(["true", "false"]).transform((value) => value === "true");
const fieldFilters = Object.fromEntries(Object.keys(CUSTOMER_COLUMNS).map((field) => [field, z.string().max(320).optional()])) as Record<
  keyof typeof CUSTOMER_COLUMNS,
  z.ZodOptional<z.ZodString>
>;

const ListQuery = PageQuery.extend({
  q: z.string().max(200).optional().openapi({ description: "Prefix search over name, email, phone and company." }),
  ...fieldFilters,
  tags: z.string().max(1000).optional().openapi({ description: "Comma-separated; a customer must have them all." }),
  attribute: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ description: "`key:value`, repeatable; a multi-enum attribute matches when it contains the value." }),
  emailConsent: Flag.optional(),
  smsConsent: Flag.optional(),
  createdFrom: Instant.optional(),
  createdTo: Instant.optional(),
  updatedFrom: Instant.optional(),
  updatedTo: Instant.optional(),
  sort: z.enum(SORTS).default("-createdAt"),
});

function attributeFilters(raw: string | string[] | undefined): Record<string, string> {
  const pairs = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf(":");
      return at > 0 ? [pair.slice(0, at), pair.slice(at + 1)] : [pair, ""];
    }),
  );
}

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
  const query = c.req.valid("query");
  const fields = Object.fromEntries(Object.keys(CUSTOMER_COLUMNS).flatMap((field) => {
    const value = query[field as keyof typeof CUSTOMER_COLUMNS];
    return value === undefined ? [] : [[field, value]];
  }));
  const date = (value: string | undefined) => (value ? new Date(value) : undefined);
  const page = await listCustomers(
    c.get("services").db(),
    currentActor(c),
    {
      q: query.q,
      fields,
      tags: query.tags?.split(",").map((tag) => tag.trim()).filter(Boolean),
      attributes: attributeFilters(query.attribute),
      emailConsent: query.emailConsent,
      smsConsent: query.smsConsent,
      createdFrom: date(query.createdFrom),
      createdTo: date(query.createdTo),
      updatedFrom: date(query.updatedFrom),
      updatedTo: date(query.updatedTo),
    },
    { sort: query.sort, cursor: query.cursor, limit: query.limit },
  );
  return c.json(page as z.infer<typeof route.responses[200]["content"]["application/json"]["schema"]>, 200);
};
