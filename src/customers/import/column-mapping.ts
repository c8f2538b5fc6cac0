import type { FieldIssue } from "../../platform/errors.ts";
import { IMPORT_FIELDS } from "./fields.ts";

/** Header → field key, `attributes.<key>` for a tenant's custom attribute, or null to ignore the column. */
export type ColumnMapping = Record<string, string | null>;

export type CustomAttributeRef = { key: string; label: string };

const ATTRIBUTE_PREFIX = "attributes.";

/**
 * Reduces a header to what a person means by it: full-width forms folded (NFKC), case, spaces,
 * underscores, hyphens and dots ignored, so "E-mail", "billing_email" and "Ｅｍａｉｌ" compare alike.
 */
export function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, "").normalize("NFKC").toLowerCase().replace(/[\s_.-]+/g, "");
}

/** Every spelling of every field, normalised; a field's key and labels count as spellings too. */
const FIELD_BY_SPELLING = new Map<string, string>(
  IMPORT_FIELDS.flatMap((field) =>
    [field.key, field.label.en, field.label.zh, ...field.aliases].map((spelling) => [normalizeHeader(spelling), field.key] as const),
  ),
);
const FIELD_KEYS = new Set<string>(IMPORT_FIELDS.map((field) => field.key));

/**
 * Proposes which field each column of a file fills, for the user to confirm. A header that spells
 * a known field (in English or Chinese, as common exports do) maps to it; otherwise one that names
 * a custom attribute by key or label maps to `attributes.<key>`; anything else is left unmapped
 * (null). A target is used once: when two columns spell the same field, the first one wins and the
 * later is reported as unmapped, since filling one field from two columns would lose data silently.
 */
export function suggestMapping(headers: string[], customAttributes: CustomAttributeRef[] = []): { mapping: ColumnMapping; unmapped: string[] } {
  const attributeBySpelling = new Map<string, string>();
  for (const attribute of customAttributes) {
    for (const spelling of [attribute.key, attribute.label]) {
      const normalized = normalizeHeader(spelling);
      if (!attributeBySpelling.has(normalized)) attributeBySpelling.set(normalized, `${ATTRIBUTE_PREFIX}${attribute.key}`);
    }
  }
  const entries: Array<[string, string | null]> = [];
  const seen = new Set<string>();
  const used = new Set<string>();
  const unmapped: string[] = [];
  for (const header of headers) {
    if (seen.has(header)) continue;
    seen.add(header);
    const normalized = normalizeHeader(header);
    const target = FIELD_BY_SPELLING.get(normalized) ?? attributeBySpelling.get(normalized);
    if (target && !used.has(target)) {
      used.add(target);
      entries.push([header, target]);
    } else {
      entries.push([header, null]);
      unmapped.push(header);
    }
  }
  // fromEntries defines own properties, so a header such as "__proto__" stays a plain key.
  return { mapping: Object.fromEntries(entries), unmapped };
}

/**
 * Checks a mapping sent by a user against the file's headers and the tenant's custom attributes:
 * every mapped header must be a column of the file, every target a known field key or
 * `attributes.<key>` of an existing attribute, and no target may be filled from two columns.
 * Headers the mapping leaves out are ignored. Issues carry paths `mapping.<header>`.
 */
export function checkMapping(headers: string[], mapping: ColumnMapping, customAttributeKeys: string[]): FieldIssue[] {
  const columns = new Set(headers);
  const attributes = new Set(customAttributeKeys);
  const filledBy = new Map<string, string>();
  const issues: FieldIssue[] = [];
  for (const [header, target] of Object.entries(mapping)) {
    const path = `mapping.${header}`;
    if (!columns.has(header)) issues.push({ path, message: `"${header}" is not a column of the file` });
    if (target === null) continue;
    if (typeof target !== "string") {
      issues.push({ path, message: "must be a field key, attributes.<key>, or null" });
    } else if (target.startsWith(ATTRIBUTE_PREFIX)) {
      const key = target.slice(ATTRIBUTE_PREFIX.length);
      if (!attributes.has(key)) issues.push({ path, message: `"${key}" is not a custom attribute` });
    } else if (!FIELD_KEYS.has(target)) {
      issues.push({ path, message: `"${target}" is not an import field` });
    }
    if (typeof target !== "string") continue;
    const first = filledBy.get(target);
    if (first === undefined) filledBy.set(target, header);
    else issues.push({ path, message: `"${target}" is already filled from column "${first}"` });
  }
  return issues;
}
