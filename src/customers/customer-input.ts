import { z } from "@hono/zod-openapi";

export const COMPANY_SIZES = ["1-10", "11-50", "51-200", "201-1000", "1001+"] as const;
export const GENDERS = ["female", "male", "other"] as const;

const text = (max = 500) => z.string().max(max).nullable().optional();

/**
 * A customer as a client writes one: every field optional, `null` clears a field on update.
 * Values are raw here; standardiseCustomer cleans and checks them.
 */
export const CustomerInput = z
  .object({
    name: text(200),
    email: text(320),
    phone: text(64),
    addressLine1: text(),
    addressLine2: text(),
    city: text(200),
    region: text(200),
    postalCode: text(32),
    country: text(100).openapi({ description: "ISO 3166 code, or an English or Chinese country name." }),
    company: text(300),
    jobTitle: text(200),
    birthday: text(40).openapi({ description: "A date; stored as YYYY-MM-DD." }),
    gender: text(40),
    source: text(100).openapi({ example: "shopify" }),
    industry: text(200),
    companySize: z.enum(COMPANY_SIZES).nullable().optional(),
    creditTermsDays: z.number().int().min(0).max(3650).nullable().optional(),
    tags: z.array(z.string().max(50)).max(100).optional(),
    emailConsent: z.boolean().optional(),
    smsConsent: z.boolean().optional(),
    attributes: z.record(z.string().max(64), z.unknown()).optional(),
  })
  .strict();

export type CustomerInput = z.infer<typeof CustomerInput>;
