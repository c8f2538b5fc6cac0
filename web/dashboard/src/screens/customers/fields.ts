import type { Customer } from "./customer-api.ts";

/** The descriptive fields of a customer, in the order a profile reads them. */
export const PROFILE_FIELDS = [
  "name",
  "email",
  "phone",
  "company",
  "jobTitle",
  "addressLine1",
  "addressLine2",
  "city",
  "region",
  "postalCode",
  "country",
  "birthday",
  "gender",
  "source",
  "industry",
  "companySize",
  "creditTermsDays",
] as const;

export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const GENDERS = ["female", "male", "other"] as const;
export const COMPANY_SIZES = ["1-10", "11-50", "51-200", "201-1000", "1001+"] as const;

/** The fields a merge fills from the duplicate where the survivor has none (the API's merge rules). */
export const MERGED_FIELDS = PROFILE_FIELDS;

/** What a customer is called on screen: their name, else their email or phone; null when none. */
export function displayName(customer: Pick<Customer, "name" | "email" | "phone">): string | null {
  return customer.name ?? customer.email ?? customer.phone ?? null;
}

/** The text of a field's value, or null when it is empty. */
export function fieldText(customer: Customer, field: ProfileField): string | null {
  const value = customer[field];
  return value === null || value === undefined || value === "" ? null : String(value);
}
