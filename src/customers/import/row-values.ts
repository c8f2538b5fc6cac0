import type { CustomerInput } from "../customer-input.ts";
import { COMPANY_SIZES } from "../customer-input.ts";
import { minorDigits, isCurrency, toMinor } from "../money.ts";
import { standardiseBoolean, standardiseDateTime } from "../standardise/index.ts";
import type { ColumnMapping } from "./column-mapping.ts";

export type RowOptions = { dateOrder: "YMD" | "DMY" | "MDY"; timeZone: string; currency: string | null };
export type RowProblem = { column: string; problem: string };

export type OrderPart = { orderId: string; orderedAt: string; sku: string | null; title: string; quantity: number; unitPriceMinor: number; currency: string };

export type RowValues = {
  customer: CustomerInput;
  externalId: string | null;
  order: OrderPart | null;
  problems: RowProblem[];
  /** The CSV column each customer field came from, to report standardisation problems by column. */
  columnOf: Record<string, string>;
};

const TEXT_FIELDS = ["name", "email", "phone", "addressLine1", "addressLine2", "city", "region", "postalCode", "country", "company", "jobTitle", "birthday", "gender", "source", "industry"] as const;
const ORDER_FIELDS = ["orderId", "orderedAt", "sku", "title", "quantity", "unitPrice", "currency"] as const;

/**
 * Reads one CSV record through the column mapping: the customer's fields (raw, standardised
 * later like any write), the external id, and the order line if order columns are mapped. Values
 * that cannot be read at all (a quantity that is not a whole number, a price with more decimals
 * than the currency has) are problems on their column.
 */
export function rowValues(values: Record<string, string>, mapping: ColumnMapping, options: RowOptions): RowValues {
  const byField = new Map<string, { header: string; value: string }>();
  for (const [header, field] of Object.entries(mapping)) {
    const value = values[header]?.trim() ?? "";
    if (field && value !== "") byField.set(field, { header, value });
  }
  const problems: RowProblem[] = [];
  const columnOf: Record<string, string> = {};
  const customer: CustomerInput = {};
  for (const field of TEXT_FIELDS) {
    const found = byField.get(field);
    if (found) {
      customer[field] = found.value;
      columnOf[field] = found.header;
    }
  }
  if (!customer.name && (byField.has("firstName") || byField.has("lastName"))) {
    customer.name = [byField.get("firstName")?.value, byField.get("lastName")?.value].filter(Boolean).join(" ");
    columnOf.name = (byField.get("firstName") ?? byField.get("lastName"))!.header;
  }
  const size = byField.get("companySize");
  if (size) {
    if ((COMPANY_SIZES as readonly string[]).includes(size.value)) customer.companySize = size.value as (typeof COMPANY_SIZES)[number];
    else problems.push({ column: size.header, problem: `must be one of ${COMPANY_SIZES.join(", ")}` });
  }
  const terms = byField.get("creditTermsDays");
  if (terms) {
    if (/^\d{1,4}$/.test(terms.value)) customer.creditTermsDays = Number(terms.value);
    else problems.push({ column: terms.header, problem: "must be a whole number of days" });
  }
  const tags = byField.get("tags");
  if (tags) customer.tags = tags.value.split(/[,;，；]/).map((tag) => tag.trim()).filter(Boolean);
  for (const field of ["emailConsent", "smsConsent"] as const) {
    const found = byField.get(field);
    if (!found) continue;
    const parsed = standardiseBoolean(found.value);
    if (parsed.ok && parsed.value !== null) customer[field] = parsed.value;
    else problems.push({ column: found.header, problem: "must be yes or no" });
  }
  const attributes = Object.fromEntries([...byField].filter(([field]) => field.startsWith("attributes.")).map(([field, { value }]) => [field.slice(11), value]));
  if (Object.keys(attributes).length) {
    customer.attributes = attributes;
    for (const [field, { header }] of byField) if (field.startsWith("attributes.")) columnOf[`attributes.${field.slice(11)}`] = header;
  }
  return { customer, externalId: byField.get("externalId")?.value ?? null, order: orderPart(byField, options, problems), problems, columnOf };
}

function orderPart(byField: Map<string, { header: string; value: string }>, options: RowOptions, problems: RowProblem[]): OrderPart | null {
  if (!ORDER_FIELDS.some((field) => byField.has(field))) return null;
  const required = (field: (typeof ORDER_FIELDS)[number]) => {
    const found = byField.get(field);
    if (!found) problems.push({ column: field, problem: "is required for an order line" });
    return found;
  };
  const orderId = required("orderId");
  const orderedAt = required("orderedAt");
  const quantity = required("quantity");
  const unitPrice = required("unitPrice");
  const title = byField.get("title") ?? byField.get("sku");
  const currencyCell = byField.get("currency");
  const currency = currencyCell?.value.toUpperCase() ?? options.currency;
  if (!currency || !isCurrency(currency)) {
    problems.push({ column: currencyCell?.header ?? "currency", problem: "needs an ISO 4217 currency (a column, or the import's currency)" });
  }
  const when = orderedAt ? standardiseDateTime(orderedAt.value, { order: options.dateOrder, timeZone: options.timeZone }) : undefined;
  if (orderedAt && when && (!when.ok || when.value === null)) problems.push({ column: orderedAt.header, problem: when.ok ? "is empty" : when.problem });
  const count = quantity && /^-?\d{1,9}$/.test(quantity.value) ? Number(quantity.value) : undefined;
  if (quantity && count === undefined) problems.push({ column: quantity.header, problem: "must be a whole number" });
  const minor = unitPrice && currency && isCurrency(currency) ? toMinor(unitPrice.value, currency) : undefined;
  if (unitPrice && currency && isCurrency(currency) && minor === undefined) {
    problems.push({ column: unitPrice.header, problem: `must be an amount with at most ${minorDigits(currency)} decimals in ${currency}` });
  }
  if (!orderId || !when?.ok || !when.value || count === undefined || minor === undefined || !currency) return null;
  return { orderId: orderId.value, orderedAt: when.value, sku: byField.get("sku")?.value ?? null, title: title?.value ?? "(untitled)", quantity: count, unitPriceMinor: minor, currency };
}
