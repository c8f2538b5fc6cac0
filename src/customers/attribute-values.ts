import type { FieldIssue } from "../platform/errors.ts";
import { cleanText, standardiseBoolean, standardiseDate } from "./standardise/index.ts";

export type AttributeType = "text" | "number" | "boolean" | "date" | "enum" | "multi_enum";
export type AttributeDefinition = { key: string; label: string; type: AttributeType; options: string[] };
export type AttributeValue = string | number | boolean | string[];

const MAX_TEXT = 1000;

type Checked = { ok: true; value: AttributeValue } | { ok: false; problem: string };

function option(definition: AttributeDefinition, raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const wanted = cleanText(raw)?.toLowerCase();
  return definition.options.find((candidate) => candidate.toLowerCase() === wanted);
}

/** Checks and standardises one value against its declared type; strings from CSV are accepted too. */
export function checkAttributeValue(definition: AttributeDefinition, raw: unknown): Checked {
  switch (definition.type) {
    case "text": {
      const text = typeof raw === "string" ? cleanText(raw) : null;
      if (text === null) return { ok: false, problem: "must be non-empty text" };
      return text.length > MAX_TEXT ? { ok: false, problem: `must be at most ${MAX_TEXT} characters` } : { ok: true, value: text };
    }
    case "number": {
      const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(cleanText(raw)) : NaN;
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: "must be a number" };
    }
    case "boolean": {
      if (typeof raw === "boolean") return { ok: true, value: raw };
      const parsed = typeof raw === "string" ? standardiseBoolean(raw) : undefined;
      return parsed?.ok && parsed.value !== null ? { ok: true, value: parsed.value } : { ok: false, problem: "must be true or false" };
    }
    case "date": {
      const parsed = typeof raw === "string" ? standardiseDate(raw) : undefined;
      if (!parsed) return { ok: false, problem: "must be a date (YYYY-MM-DD)" };
      if (!parsed.ok) return parsed;
      return parsed.value === null ? { ok: false, problem: "must be a date (YYYY-MM-DD)" } : { ok: true, value: parsed.value };
    }
    case "enum": {
      const value = option(definition, raw);
      return value ? { ok: true, value } : { ok: false, problem: `must be one of: ${definition.options.join(", ")}` };
    }
    case "multi_enum": {
      const items = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[,;，；]/) : undefined;
      const values = items?.map((item) => option(definition, item));
      if (!values || values.some((value) => value === undefined)) {
        return { ok: false, problem: `must be a list drawn from: ${definition.options.join(", ")}` };
      }
      return { ok: true, value: [...new Set(values as string[])] };
    }
  }
}

/**
 * Validates a set of attribute values against the tenant's definitions. `null` removes a value.
 * Returns the values to store (standardised) and one issue per bad key, under `pathPrefix`.
 */
export function checkAttributes(
  definitions: AttributeDefinition[],
  values: Record<string, unknown>,
  pathPrefix = "json.attributes",
): { values: Record<string, AttributeValue | null>; issues: FieldIssue[] } {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const checked: Record<string, AttributeValue | null> = {};
  const issues: FieldIssue[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const definition = byKey.get(key);
    if (!definition) {
      issues.push({ path: `${pathPrefix}.${key}`, message: "is not a declared attribute" });
      continue;
    }
    if (raw === null || raw === undefined) {
      checked[key] = null;
      continue;
    }
    const result = checkAttributeValue(definition, raw);
    if (result.ok) checked[key] = result.value;
    else issues.push({ path: `${pathPrefix}.${key}`, message: result.problem });
  }
  return { values: checked, issues };
}
