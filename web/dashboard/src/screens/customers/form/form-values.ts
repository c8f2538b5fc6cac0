import type { Attribute, Customer, CustomerChange } from "../customer-api.ts";
import { PROFILE_FIELDS, type ProfileField } from "../fields.ts";

/** The form's state: every profile field as text, consent as flags, attributes by key. */
export type FormValues = {
  fields: Record<ProfileField, string>;
  emailConsent: boolean;
  smsConsent: boolean;
  attributes: Record<string, string | boolean | string[]>;
};

function attributeFormValue(attribute: Attribute, value: unknown): string | boolean | string[] {
  if (attribute.type === "boolean") return value === true;
  if (attribute.type === "multi_enum") return Array.isArray(value) ? value.map(String) : [];
  return value === null || value === undefined ? "" : String(value);
}

export function formValuesOf(customer: Customer | null, attributes: Attribute[]): FormValues {
  const fields = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, customer?.[field] === null || customer?.[field] === undefined ? "" : String(customer[field])])) as Record<ProfileField, string>;
  return {
    fields,
    emailConsent: customer?.emailConsent ?? false,
    smsConsent: customer?.smsConsent ?? false,
    attributes: Object.fromEntries(attributes.map((attribute) => [attribute.key, attributeFormValue(attribute, customer?.attributes[attribute.key])])),
  };
}

function fieldValue(field: ProfileField, text: string): string | number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return field === "creditTermsDays" && /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function attributeValue(attribute: Attribute, value: string | boolean | string[]): unknown {
  if (attribute.type === "boolean") return value === true;
  if (attribute.type === "multi_enum") return Array.isArray(value) && value.length ? value : null;
  const text = String(value).trim();
  if (!text) return null;
  return attribute.type === "number" && !Number.isNaN(Number(text)) ? Number(text) : text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What to send: for a new customer the filled fields; for an edit only what changed, an emptied
 * field as null (the API clears it). Values go raw; the API standardises and checks them.
 */
export function changeOf(values: FormValues, before: FormValues | null, attributes: Attribute[]): CustomerChange {
  const change: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) {
    const value = fieldValue(field, values.fields[field]);
    if (before ? !same(value, fieldValue(field, before.fields[field])) : value !== null) change[field] = value;
  }
  for (const flag of ["emailConsent", "smsConsent"] as const) if (before ? values[flag] !== before[flag] : values[flag]) change[flag] = values[flag];
  const changedAttributes: Record<string, unknown> = {};
  for (const attribute of attributes) {
    const value = attributeValue(attribute, values.attributes[attribute.key] ?? "");
    const old = before ? attributeValue(attribute, before.attributes[attribute.key] ?? "") : null;
    if (before ? !same(value, old) : value !== null && value !== false) changedAttributes[attribute.key] = value;
  }
  if (Object.keys(changedAttributes).length) change.attributes = changedAttributes;
  return change as CustomerChange;
}
