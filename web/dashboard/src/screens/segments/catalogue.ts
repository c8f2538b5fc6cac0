import { RFM_SEGMENTS } from "../../../../../src/analytics/rfm.ts";
import { OPERATORS_BY_TYPE, type FieldType, type Operator } from "../../../../../src/segments/dynamic/operators.ts";

/**
 * What the builder offers as an operator: the API's, with `isNull` split in two (`isNull` true
 * and `notNull`, sent as `isNull` false), since "is empty" and "is not empty" read better than a
 * yes/no value.
 */
export type UiOperator = Operator | "notNull";

/** How a value is typed in: the input it gets and how its text becomes JSON. */
export type ValueKind = "text" | "number" | "boolean" | "date";

export type FieldGroup = "customer" | "score" | "tag" | "attribute";

export type FieldInfo = {
  name: string;
  group: FieldGroup;
  type: FieldType;
  kind: ValueKind;
  /** Known values: offered as a menu (and as checkboxes for "is any of"). */
  choices?: readonly string[];
  /** How choices are labelled: RFM segments and loyalty types are translated, the rest shown as they are. */
  choiceLabels?: "rfm" | "loyalty" | "gender";
  /** A custom attribute's label, as the tenant declared it. */
  label?: string;
};

export const LOYALTY_TYPES = ["super-value", "inertia", "incentive", "latent", "price", "unknown"] as const;
const GENDERS = ["female", "male", "other"] as const;
const COMPANY_SIZES = ["1-10", "11-50", "51-200", "201-1000", "1001+"] as const;
export { RFM_SEGMENTS };

const text = (name: string, extra: Partial<FieldInfo> = {}): FieldInfo => ({ name, group: "customer", type: "text", kind: "text", ...extra });
const number = (name: string, group: FieldGroup = "score"): FieldInfo => ({ name, group, type: "number", kind: "number" });
const instant = (name: string, group: FieldGroup = "score"): FieldInfo => ({ name, group, type: "timestamp", kind: "date" });

/** The API's field catalogue, less its SQL: what the builder's field menu lists. */
export const FIELDS: readonly FieldInfo[] = [
  text("customer.name"),
  text("customer.email"),
  text("customer.phone"),
  text("customer.country"),
  text("customer.city"),
  text("customer.region"),
  text("customer.postalCode"),
  text("customer.company"),
  text("customer.jobTitle"),
  text("customer.gender", { choices: GENDERS, choiceLabels: "gender" }),
  text("customer.source"),
  text("customer.industry"),
  text("customer.companySize", { choices: COMPANY_SIZES }),
  { name: "customer.birthday", group: "customer", type: "date", kind: "date" },
  number("customer.creditTermsDays", "customer"),
  { name: "customer.emailConsent", group: "customer", type: "boolean", kind: "boolean" },
  { name: "customer.smsConsent", group: "customer", type: "boolean", kind: "boolean" },
  instant("customer.createdAt", "customer"),
  instant("customer.updatedAt", "customer"),
  { name: "tag", group: "tag", type: "tags", kind: "text" },
  { name: "score.rfmSegment", group: "score", type: "choice", kind: "text", choices: RFM_SEGMENTS, choiceLabels: "rfm" },
  { name: "score.loyalty", group: "score", type: "choice", kind: "text", choices: LOYALTY_TYPES, choiceLabels: "loyalty" },
  number("score.r"),
  number("score.f"),
  number("score.m"),
  number("score.recencyDays"),
  number("score.orders"),
  number("score.monetary"),
  number("score.clv"),
  number("score.pAlive"),
  number("score.churnRisk"),
  number("score.expected30"),
  number("score.expected90"),
  number("score.expected365"),
  number("score.cluster"),
  instant("score.firstOrderAt"),
  instant("score.lastOrderAt"),
  instant("score.nextOrderAt"),
];

/** A custom attribute as GET /v1/attributes lists it. */
export type AttributeInfo = { key: string; label: string; type: "text" | "number" | "boolean" | "date" | "enum" | "multi_enum"; options: string[] };

const ATTRIBUTE_KIND: Record<AttributeInfo["type"], ValueKind> = { text: "text", number: "number", boolean: "boolean", date: "date", enum: "text", multi_enum: "text" };

/** Of the operators an attribute allows, those that make sense for its declared type. */
const ATTRIBUTE_OPERATORS: Record<AttributeInfo["type"], readonly Operator[]> = {
  text: ["eq", "ne", "in", "contains", "isNull"],
  number: ["eq", "ne", "in", "gt", "gte", "lt", "lte", "between", "isNull"],
  boolean: ["eq", "ne", "isNull"],
  date: ["eq", "ne", "gt", "gte", "lt", "lte", "between", "isNull"],
  enum: ["eq", "ne", "in", "isNull"],
  multi_enum: ["has", "isNull"],
};

export function attributeField(attribute: AttributeInfo): FieldInfo {
  const choices = attribute.type === "enum" || attribute.type === "multi_enum" ? attribute.options : undefined;
  return { name: `attribute.${attribute.key}`, group: "attribute", type: "attribute", kind: ATTRIBUTE_KIND[attribute.type], choices, label: attribute.label };
}

/** The field menu's entries: the fixed catalogue, then the tenant's custom attributes. */
export function fieldsWith(attributes: readonly AttributeInfo[]): FieldInfo[] {
  return [...FIELDS, ...attributes.map(attributeField)];
}

/** A field the builder does not know (an attribute since removed): shown as text, every operator of its type. */
export function fieldInfo(fields: readonly FieldInfo[], name: string): FieldInfo {
  return fields.find((field) => field.name === name) ?? { name, group: name.startsWith("attribute.") ? "attribute" : "customer", type: name.startsWith("attribute.") ? "attribute" : "text", kind: "text" };
}

/** The operators the menu offers for a field, `isNull` split into empty / not empty. */
export function operatorsFor(field: FieldInfo, attributes: readonly AttributeInfo[]): UiOperator[] {
  const declared = attributes.find((attribute) => `attribute.${attribute.key}` === field.name);
  const allowed: readonly Operator[] = declared ? ATTRIBUTE_OPERATORS[declared.type] : OPERATORS_BY_TYPE[field.type];
  return allowed.flatMap((op): UiOperator[] => (op === "isNull" ? ["isNull", "notNull"] : [op]));
}
