import type { FieldIssue } from "../platform/errors.ts";
import { checkAttributes, type AttributeDefinition } from "./attribute-values.ts";
import type { CustomerInput } from "./customer-input.ts";
import {
  cleanText,
  standardiseCountry,
  standardiseDate,
  standardiseEmail,
  standardiseGender,
  standardisePhone,
  type DateOrder,
  type Standardised,
} from "./standardise/index.ts";

/** Column values ready to write; a key is present only when the input named that field. */
export type CustomerValues = {
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
  company?: string | null;
  jobTitle?: string | null;
  birthday?: string | null;
  gender?: string | null;
  source?: string | null;
  industry?: string | null;
  companySize?: string | null;
  creditTermsDays?: number | null;
  tags?: string[];
  emailConsent?: boolean;
  smsConsent?: boolean;
  attributes?: Record<string, unknown>;
};

const TEXT_FIELDS = {
  name: "displayName",
  addressLine1: "addressLine1",
  addressLine2: "addressLine2",
  city: "city",
  region: "region",
  postalCode: "postalCode",
  company: "company",
  jobTitle: "jobTitle",
  source: "source",
  industry: "industry",
} as const satisfies Partial<Record<keyof CustomerInput, keyof CustomerValues>>;

export type StandardiseContext = {
  defaultCountry: string | null;
  definitions: AttributeDefinition[];
  /** How to read dates like 05/03/2024; an import declares it, the API expects YYYY-MM-DD. */
  dateOrder?: DateOrder;
};

/** Tags trimmed and width-normalised, de-duplicated without regard to case, first spelling kept. */
export function cleanTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const clean = cleanText(tag);
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean);
  }
  return [...seen.values()];
}

/**
 * Standardises a customer input on every write path: text trimmed and width-normalised, email
 * lower-cased, phone to E.164 (the tenant's default country for national numbers), country to
 * ISO 3166, dates to ISO 8601, attributes checked against their definitions. Any invalid value
 * is an issue on its field and nothing is written.
 */
export function standardiseCustomer(input: CustomerInput, context: StandardiseContext): { values: CustomerValues; issues: FieldIssue[] } {
  const values: CustomerValues = {};
  const issues: FieldIssue[] = [];
  const take = <T>(field: string, raw: string | null | undefined, standardise: (value: string) => Standardised<T | null>) => {
    if (raw === undefined) return undefined;
    if (raw === null) return { value: null };
    const result = standardise(raw);
    if (result.ok) return { value: result.value };
    issues.push({ path: `json.${field}`, message: result.problem });
    return undefined;
  };

  for (const [field, column] of Object.entries(TEXT_FIELDS)) {
    const raw = input[field as keyof typeof TEXT_FIELDS];
    if (raw !== undefined) values[column] = raw === null ? null : cleanText(raw);
  }
  const assign = <K extends keyof CustomerValues>(column: K, taken: { value: CustomerValues[K] } | undefined) => {
    if (taken) values[column] = taken.value;
  };
  assign("email", take("email", input.email, standardiseEmail));
  assign("phone", take("phone", input.phone, (raw) => standardisePhone(raw, (context.defaultCountry ?? undefined) as never)));
  assign("country", take("country", input.country, standardiseCountry));
  assign("birthday", take("birthday", input.birthday, (raw) => standardiseDate(raw, context.dateOrder)));
  assign("gender", take("gender", input.gender, standardiseGender));
  if (input.companySize !== undefined) values.companySize = input.companySize;
  if (input.creditTermsDays !== undefined) values.creditTermsDays = input.creditTermsDays;
  if (input.tags !== undefined) values.tags = cleanTags(input.tags);
  if (input.emailConsent !== undefined) values.emailConsent = input.emailConsent;
  if (input.smsConsent !== undefined) values.smsConsent = input.smsConsent;
  if (input.attributes !== undefined) {
    const checked = checkAttributes(context.definitions, input.attributes);
    issues.push(...checked.issues);
    values.attributes = checked.values;
  }
  if (values.birthday && values.birthday > new Date().toISOString().slice(0, 10)) {
    issues.push({ path: "json.birthday", message: "is in the future" });
  }
  return { values, issues };
}
