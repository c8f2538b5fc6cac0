import { z } from "@hono/zod-openapi";
import { CUSTOMER_COLUMNS } from "../customer-view.ts";
import { standardiseCountry } from "../standardise/index.ts";
import type { CustomerFilter } from "../list-customers.ts";

const Instant = z.iso.datetime({ offset: true });
const Flag = z.enum(["true", "false"]).transform((value) => value === "true");
const fieldFilters = Object.fromEntries(Object.keys(CUSTOMER_COLUMNS).map((field) => [field, z.string().max(320).optional()])) as Record<
  keyof typeof CUSTOMER_COLUMNS,
  z.ZodOptional<z.ZodString>
>;

/** The filters the customer list and the CSV export share. */
export const FilterQuery = z.object({
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

/** The parsed query as the filter listCustomers takes. */
export function filterOf(query: z.infer<typeof FilterQuery>): CustomerFilter {
  const fields = Object.fromEntries(
    Object.keys(CUSTOMER_COLUMNS).flatMap((field) => {
      const value = query[field as keyof typeof CUSTOMER_COLUMNS];
      return value === undefined ? [] : [[field, value]];
    }),
  );
  if (fields.country) {
    // Filter values are standardised like stored ones, so country=gb or 英国 finds "GB".
    const country = standardiseCountry(fields.country);
    if (country.ok && country.value) fields.country = country.value;
  }
  const date = (value: string | undefined) => (value ? new Date(value) : undefined);
  return {
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
  };
}
