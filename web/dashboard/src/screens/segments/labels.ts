import type { MessageKey } from "../../i18n/translate.ts";
import type { FieldInfo, UiOperator } from "./catalogue.ts";
import { rfmSegmentLabel } from "../../i18n/rfm-segments.ts";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A field's name in the interface language; a custom attribute goes by the label the tenant gave it. */
export function fieldLabel(t: T, field: FieldInfo): string {
  if (field.group === "attribute") return field.label ?? field.name.replace(/^attribute\./, "");
  const key = `segments.fields.${field.name}` as MessageKey;
  const label = t(key);
  return label === key ? field.name : label;
}

/** An operator as a phrase that reads with its field: dates are "after", tags are "has the tag". */
export function operatorLabel(t: T, field: FieldInfo, op: UiOperator): string {
  if (field.type === "tags" && (op === "has" || op === "in" || op === "isNull" || op === "notNull")) return t(`segments.tagOperators.${op}`);
  if (field.kind === "date" && op !== "in" && op !== "has" && op !== "contains" && op !== "isNull" && op !== "notNull") return t(`segments.dateOperators.${op}`);
  return t(`segments.operators.${op}`);
}

/** A known value as shown: RFM segments, loyalty types and genders translated, others as they are. */
export function choiceLabel(t: T, field: FieldInfo, value: string): string {
  if (field.choiceLabels === "rfm") return rfmSegmentLabel(t, value);
  const key = field.choiceLabels === "loyalty" ? `segments.loyalty.${value}` : field.choiceLabels === "gender" ? `segments.genders.${value}` : null;
  if (!key) return value;
  const label = t(key as MessageKey);
  return label === key ? value : label;
}
