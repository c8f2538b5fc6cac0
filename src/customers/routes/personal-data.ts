import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { openDatabase } from "../../platform/db.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { eraseCustomer } from "../erase-customer.ts";
import { exportCustomers } from "../export-customers.ts";
import { personData } from "../person-data.ts";
import { filterOf, FilterQuery } from "./customer-filters.ts";
import { Customer, CustomerId } from "./schemas.ts";

export const exportCsv = defineRoute({
  operationId: "customers.export",
  method: "get",
  path: "/v1/customers/export.csv",
  tags: ["customers"],
  summary: "The filtered customer list as CSV, streamed",
  description: "UTF-8 with a BOM; one column per field and per custom attribute. Takes the list's filters. Audited.",
  request: { query: FilterQuery },
  responses: {
    200: { description: "The CSV file.", content: { "text/csv": { schema: z.string() } } },
    400: json(ProblemSchema, "A filter is invalid."),
  },
});

export const exportCsvHandler: RouteHandler<typeof exportCsv, AppEnv> = async (c) => {
  const services = c.get("services");
  const stream = await exportCustomers(() => openDatabase(services.env), services.db(), currentActor(c), filterOf(c.req.valid("query")));
  const day = new Date().toISOString().slice(0, 10);
  return c.body(stream, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="customers-${day}.csv"`,
    "cache-control": "no-store",
  });
};

export const data = defineRoute({
  operationId: "customers.data",
  method: "get",
  path: "/v1/customers/{customerId}/data",
  tags: ["customers"],
  summary: "Everything held about one person, as JSON (right of access)",
  request: { params: CustomerId },
  responses: {
    200: json(
      z.object({ exportedAt: z.string(), customer: Customer, orders: z.array(z.record(z.string(), z.unknown())), timeline: z.array(z.record(z.string(), z.unknown())) }),
      "The person's record, orders and timeline.",
    ),
    404: json(ProblemSchema, "No such customer in this tenant."),
  },
});

export const dataHandler: RouteHandler<typeof data, AppEnv> = async (c) => {
  const body = await personData(c.get("services").db(), currentActor(c), c.req.valid("param").customerId);
  c.header("content-disposition", `attachment; filename="customer-${body.customer.id}.json"`);
  c.header("cache-control", "no-store");
  return c.json(body as z.infer<(typeof data.responses)[200]["content"]["application/json"]["schema"]>, 200);
};

export const erase = defineRoute({
  operationId: "customers.erase",
  method: "post",
  path: "/v1/customers/{customerId}/erase",
  tags: ["customers"],
  summary: "Erase a person's data (right to be forgotten)",
  description:
    "Personal fields, tags, attributes and identities are removed and free text on the timeline is scrubbed; orders stay, anonymised, for totals. Cannot be undone.",
  request: { params: CustomerId },
  responses: {
    200: json(Customer, "The anonymised record."),
    404: json(ProblemSchema, "No such customer in this tenant."),
  },
});

export const eraseHandler: RouteHandler<typeof erase, AppEnv> = async (c) => {
  const customer = await eraseCustomer(c.get("services").db(), currentActor(c), c.req.valid("param").customerId);
  return c.json(customer as z.infer<typeof Customer>, 200);
};
