import type { Format } from "../../i18n/format.ts";
import type { MessageKey, Vars } from "../../i18n/translate.ts";
import { rfmSegmentLabel } from "../../i18n/rfm-segments.ts";
import type { Attribute } from "./customer-api.ts";

type T = (key: MessageKey, vars?: Vars) => string;

/**
 * The translated label of a value the API names (a segment, a loyalty type, a duplicate's
 * reason), or the value itself when the dashboard has no label for it yet.
 */
export function labelOf(t: T, group: "segments" | "loyalty" | "reasons" | "kinds" | "orderStatus" | "portraitTags", value: string): string {
  if (group === "segments") return rfmSegmentLabel(t, value);
  const key = `customers.${group}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

/** A custom attribute's value as text, by its declared type; null when the customer has none. */
export function attributeText(attribute: Attribute, value: unknown, f: Format, t: T): string | null {
  if (value === null || value === undefined || value === "") return null;
  switch (attribute.type) {
    case "boolean":
      return value ? t("common.yes") : t("common.no");
    case "number":
      return typeof value === "number" ? f.number(value) : String(value);
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? f.date(`${value.slice(0, 10)}T12:00:00Z`) : String(value);
    case "multi_enum":
      return Array.isArray(value) ? value.join(", ") : String(value);
    default:
      return String(value);
  }
}
