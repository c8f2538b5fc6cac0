import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { qualityReport } from "../quality-report.ts";

const Count = z.number().int().min(0);
const Share = z.number().min(0).max(1).openapi({ description: "count / total, rounded to 4 decimals; 0 when there are no customers." });
const Coverage = z.object({ count: Count, share: Share });
const Invalid = (rule: string) =>
  z.object({ count: Count, examples: z.array(z.uuid()).max(10).openapi({ description: "Up to 10 customer ids, oldest first." }) }).openapi({ description: rule });
const Duplicates = (key: string) =>
  z.object({ groups: Count, customers: Count }).openapi({ description: `Customers sharing ${key} with at least one other: the number of groups and the customers in them.` });

export const QualityReport = z
  .object({
    total: Count.openapi({ description: "Customers in the tenant." }),
    completeness: z
      .object({
        name: Coverage,
        email: Coverage,
        phone: Coverage,
        addressLine1: Coverage,
        city: Coverage,
        postalCode: Coverage,
        country: Coverage,
        company: Coverage,
        birthday: Coverage,
        tags: Coverage,
      })
      .openapi({ description: "Customers with a non-blank value in each field (at least one tag for `tags`)." }),
    invalid: z.object({
      email: Invalid("Stored emails that are not name@domain.tld."),
      phone: Invalid("Stored phones that are not + and 8 to 15 digits (E.164)."),
      country: Invalid("Stored countries that are not two upper-case letters (ISO 3166-1 alpha-2)."),
      birthday: Invalid("Birthdays in the future."),
    }),
    duplicates: z.object({ email: Duplicates("an email, ignoring case"), phone: Duplicates("a phone") }),
    stale: Coverage.extend({ months: z.number().int() }).openapi({ description: "Customers not updated in `months` months." }),
    emailConsent: Coverage.openapi({ description: "Customers who consent to email." }),
  })
  .openapi("QualityReport");

export const route = defineRoute({
  operationId: "customers.quality",
  method: "get",
  path: "/v1/customers/quality",
  tags: ["customers"],
  summary: "The customer data quality report",
  description:
    "Completeness per field, stored values that fail a basic check, duplicate candidates by email and phone, stale records and email consent coverage, over all the tenant's customers.",
  request: {
    query: z.object({
      staleMonths: z.coerce.number().int().min(1).max(120).default(12).openapi({ description: "A customer not updated for this many months is stale." }),
    }),
  },
  responses: {
    200: json(QualityReport, "The report."),
    400: json(ProblemSchema, "`staleMonths` is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const report = await qualityReport(c.get("services").db(), currentActor(c), { staleMonths: c.req.valid("query").staleMonths });
  return c.json(report, 200);
};
