import type { CustomerRow } from "./customer-view.ts";

/** Fields copied from the merged record only where the survivor has none. */
const FILLED_FIELDS = [
  "displayName",
  "email",
  "phone",
  "addressLine1",
  "addressLine2",
  "city",
  "region",
  "postalCode",
  "country",
  "company",
  "jobTitle",
  "birthday",
  "gender",
  "source",
  "industry",
  "companySize",
  "creditTermsDays",
] as const satisfies ReadonlyArray<keyof CustomerRow>;

export type MergedValues = Partial<Pick<CustomerRow, (typeof FILLED_FIELDS)[number] | "tags" | "attributes" | "emailConsent" | "smsConsent" | "consentUpdatedAt" | "createdAt">>;

/**
 * The survivor's values after merging `other` into it, field by field: the survivor's own value
 * wins and gaps are filled from the other record; tags are united; attributes keep the
 * survivor's and add the other's missing keys; consent follows whichever record was updated
 * most recently, since the latest word of the person counts; the earlier creation date stays.
 */
export function mergeValues(survivor: CustomerRow, other: CustomerRow): MergedValues {
  const values: MergedValues = {};
  for (const field of FILLED_FIELDS) {
    if ((survivor[field] === null || survivor[field] === "") && other[field] !== null) {
      (values as Record<string, unknown>)[field] = other[field];
    }
  }
  const tags = [...survivor.tags, ...other.tags.filter((tag) => !survivor.tags.some((own) => own.toLowerCase() === tag.toLowerCase()))];
  if (tags.length !== survivor.tags.length) values.tags = tags;
  const attributes = { ...other.attributes, ...survivor.attributes };
  if (Object.keys(attributes).length !== Object.keys(survivor.attributes).length) values.attributes = attributes;
  const otherConsentIsNewer = (other.consentUpdatedAt?.getTime() ?? -Infinity) > (survivor.consentUpdatedAt?.getTime() ?? -Infinity);
  if (otherConsentIsNewer) {
    values.emailConsent = other.emailConsent;
    values.smsConsent = other.smsConsent;
    values.consentUpdatedAt = other.consentUpdatedAt;
  }
  if (other.createdAt < survivor.createdAt) values.createdAt = other.createdAt;
  return values;
}
