import { z } from "@hono/zod-openapi";
import { COMPANY_SIZES, CustomerInput } from "../customer-input.ts";
import { RECORDED_KINDS } from "../timeline.ts";

const nullableText = z.string().nullable();

export const IdentityInput = z
  .object({
    platform: z.string().trim().toLowerCase().min(1).max(40).regex(/^[a-z0-9_-]+$/, { error: "must be a short lower-case platform name" }).openapi({ example: "shopify" }),
    externalId: z.string().trim().min(1).max(200).openapi({ example: "gid://shopify/Customer/7008718152000" }),
  })
  .openapi("Identity");

export const NewCustomerInput = CustomerInput.extend({ identities: z.array(IdentityInput).max(20).optional() }).openapi("NewCustomer");
export const CustomerChange = CustomerInput.openapi("CustomerChange");

export const Customer = z
  .object({
    id: z.uuid(),
    name: nullableText,
    email: nullableText,
    phone: nullableText.openapi({ description: "E.164" }),
    addressLine1: nullableText,
    addressLine2: nullableText,
    city: nullableText,
    region: nullableText,
    postalCode: nullableText,
    country: nullableText.openapi({ description: "ISO 3166-1 alpha-2" }),
    company: nullableText,
    jobTitle: nullableText,
    birthday: nullableText.openapi({ description: "YYYY-MM-DD" }),
    gender: z.enum(["female", "male", "other"]).nullable(),
    source: nullableText,
    industry: nullableText,
    companySize: z.enum(COMPANY_SIZES).nullable(),
    creditTermsDays: z.number().int().nullable(),
    tags: z.array(z.string()),
    emailConsent: z.boolean(),
    smsConsent: z.boolean(),
    consentUpdatedAt: nullableText,
    attributes: z.record(z.string(), z.unknown()),
    identities: z.array(IdentityInput).optional(),
    erasedAt: nullableText.openapi({ description: "Set when the person's data was erased on request." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Customer");

export const Interaction = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    occurredAt: z.string(),
    summary: nullableText,
    data: z.record(z.string(), z.unknown()),
    actorType: nullableText,
    actorId: nullableText,
  })
  .openapi("Interaction");

export const InteractionInput = z
  .object({
    kind: z.enum(RECORDED_KINDS),
    summary: z.string().trim().min(1).max(10_000),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("InteractionInput");

export const Attribute = z
  .object({
    key: z.string(),
    label: z.string(),
    type: z.enum(["text", "number", "boolean", "date", "enum", "multi_enum"]),
    options: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Attribute");

export const CustomerId = z.object({
  customerId: z.uuid({ error: "must be a UUID" }).openapi({ param: { name: "customerId", in: "path" } }),
});
