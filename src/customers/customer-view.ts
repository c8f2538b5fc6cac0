import { customers } from "../db/schema/index.ts";

export type CustomerRow = typeof customers.$inferSelect;
export type Identity = { platform: string; externalId: string };

/** The customer as the API shows it. */
export type CustomerView = ReturnType<typeof customerView>;

export function customerView(row: CustomerRow, identities?: Identity[]) {
  return {
    id: row.id,
    name: row.displayName,
    email: row.email,
    phone: row.phone,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    city: row.city,
    region: row.region,
    postalCode: row.postalCode,
    country: row.country,
    company: row.company,
    jobTitle: row.jobTitle,
    birthday: row.birthday,
    gender: row.gender,
    source: row.source,
    industry: row.industry,
    companySize: row.companySize,
    creditTermsDays: row.creditTermsDays,
    tags: row.tags,
    emailConsent: row.emailConsent,
    smsConsent: row.smsConsent,
    consentUpdatedAt: row.consentUpdatedAt?.toISOString() ?? null,
    attributes: row.attributes,
    ...(identities ? { identities } : {}),
    erasedAt: row.erasedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The columns a client may select and filter by, with the API name of each. */
export const CUSTOMER_COLUMNS = {
  name: customers.displayName,
  email: customers.email,
  phone: customers.phone,
  city: customers.city,
  region: customers.region,
  postalCode: customers.postalCode,
  country: customers.country,
  company: customers.company,
  jobTitle: customers.jobTitle,
  gender: customers.gender,
  source: customers.source,
  industry: customers.industry,
  companySize: customers.companySize,
} as const;
