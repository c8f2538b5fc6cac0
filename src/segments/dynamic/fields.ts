import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { RFM_SEGMENTS } from "../../analytics/index.ts";
import { customers, customerScores } from "../../db/schema/index.ts";
import type { FieldType } from "./operators.ts";

export { OPERATORS, OPERATORS_BY_TYPE, type FieldType, type Operator } from "./operators.ts";

export type FieldDefinition = {
  type: FieldType;
  /** The column it reads; `customers` and the latest run's `customer_scores` are the only tables. */
  column: SQL;
  /** For choice fields: the values there are. */
  choices?: readonly string[];
  /** How a text value is stored (emails lower-case, countries as upper-case ISO codes). */
  normalise?: (value: string) => string;
  description: string;
};

const LOYALTY_TYPES = ["super-value", "inertia", "incentive", "latent", "price", "unknown"] as const;

const text = (column: SQL, description: string, normalise?: (value: string) => string): FieldDefinition => ({ type: "text", column, description, normalise });
const number = (column: SQL, description: string): FieldDefinition => ({ type: "number", column, description });
const timestamp = (column: SQL, description: string): FieldDefinition => ({ type: "timestamp", column, description });

/**
 * Every field a segment may filter on, by the name the filter uses. Columns come only from this
 * table: a filter's field names select entries, they never reach SQL themselves. Score fields
 * read the tenant's latest finished run; a customer it did not score has nulls there.
 * Custom attributes are `attribute.<key>` (see ATTRIBUTE_FIELD), tags are `tag`.
 */
export const FIELDS: Record<string, FieldDefinition> = {
  "customer.name": text(sql`${customers.displayName}`, "Display name."),
  "customer.email": text(sql`${customers.email}`, "Email address (matched lower-case).", (value) => value.toLowerCase()),
  "customer.phone": text(sql`${customers.phone}`, "Phone number in E.164."),
  "customer.city": text(sql`${customers.city}`, "City."),
  "customer.region": text(sql`${customers.region}`, "Region or state."),
  "customer.postalCode": text(sql`${customers.postalCode}`, "Postal code."),
  "customer.country": text(sql`${customers.country}`, "ISO 3166-1 alpha-2 country code.", (value) => value.toUpperCase()),
  "customer.company": text(sql`${customers.company}`, "Company."),
  "customer.jobTitle": text(sql`${customers.jobTitle}`, "Job title."),
  "customer.gender": text(sql`${customers.gender}`, "Gender as standardised."),
  "customer.source": text(sql`${customers.source}`, "Where the customer came from."),
  "customer.industry": text(sql`${customers.industry}`, "Industry."),
  "customer.companySize": text(sql`${customers.companySize}`, "Company size."),
  "customer.birthday": { type: "date", column: sql`${customers.birthday}`, description: "Birthday (YYYY-MM-DD)." },
  "customer.creditTermsDays": number(sql`${customers.creditTermsDays}`, "Credit terms in days."),
  "customer.emailConsent": { type: "boolean", column: sql`${customers.emailConsent}`, description: "Consented to email." },
  "customer.smsConsent": { type: "boolean", column: sql`${customers.smsConsent}`, description: "Consented to SMS." },
  "customer.createdAt": timestamp(sql`${customers.createdAt}`, "When the record was created."),
  "customer.updatedAt": timestamp(sql`${customers.updatedAt}`, "When the record last changed."),
  tag: { type: "tags", column: sql`${customers.tags}`, description: "The customer's tags: `has` one, `in` any of several, `isNull` none." },
  "score.rfmSegment": { type: "choice", column: sql`${customerScores.segment}`, choices: RFM_SEGMENTS, description: "RFM segment (Champions, At risk, ...)." },
  "score.r": number(sql`${customerScores.r}`, "Recency score, 1-5."),
  "score.f": number(sql`${customerScores.f}`, "Frequency score, 1-5."),
  "score.m": number(sql`${customerScores.m}`, "Monetary score, 1-5."),
  "score.recencyDays": number(sql`${customerScores.recencyDays}`, "Days since the last order."),
  "score.orders": number(sql`${customerScores.orders}`, "Orders up to the run's as-of date."),
  "score.monetary": number(sql`${customerScores.monetaryMinor}`, "Spend net of refunds, in minor units of the tenant's currency."),
  "score.pAlive": number(sql`${customerScores.pAlive}`, "Probability the customer is still active (BG/NBD), 0-1."),
  "score.churnRisk": number(sql`${customerScores.churnRisk}`, "Churn risk, 0-1."),
  "score.clv": number(sql`${customerScores.clvMinor}`, "Predicted value over a year, in minor units."),
  "score.expected30": number(sql`${customerScores.expected30}`, "Expected purchases in the next 30 days."),
  "score.expected90": number(sql`${customerScores.expected90}`, "Expected purchases in the next 90 days."),
  "score.expected365": number(sql`${customerScores.expected365}`, "Expected purchases in the next 365 days."),
  "score.cluster": number(sql`${customerScores.cluster}`, "Cluster number in the run."),
  "score.loyalty": { type: "choice", column: sql`${customerScores.loyalty}`, choices: LOYALTY_TYPES, description: "Loyalty type (super-value, inertia, ...)." },
  "score.nextOrderAt": timestamp(sql`${customerScores.nextOrderAt}`, "Expected next order date."),
  "score.firstOrderAt": timestamp(sql`${customerScores.firstOrderAt}`, "First order."),
  "score.lastOrderAt": timestamp(sql`${customerScores.lastOrderAt}`, "Last order."),
};

/** `attribute.<key>`, with the key as custom attributes are declared. */
export const ATTRIBUTE_FIELD = /^attribute\.([a-z][a-z0-9_]{0,39})$/;

/** The definition behind a field name, or undefined for a name that is not in the catalogue. */
export function fieldDefinition(field: string): (FieldDefinition & { attributeKey?: string }) | undefined {
  if (Object.hasOwn(FIELDS, field)) return FIELDS[field];
  const key = ATTRIBUTE_FIELD.exec(field)?.[1];
  return key ? { type: "attribute", column: sql`${customers.attributes} -> ${key}`, attributeKey: key, description: `Custom attribute ${key}.` } : undefined;
}
