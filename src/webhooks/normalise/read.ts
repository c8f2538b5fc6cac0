import { minorDigits, toMinor } from "../../customers/money.ts";
import type { SourceRecords } from "../../customers/source-records.ts";

/** A signed delivery whose body cannot be read as the platform's documented shape; retrying cannot help. */
export class UnreadablePayloadError extends Error {}

export type Normalised = { kind: "records"; records: SourceRecords } | { kind: "ignored"; reason: string };

export type Json = Record<string, unknown>;

export const records = (partial: Partial<SourceRecords>): Normalised => ({ kind: "records", records: { customers: [], orders: [], refunds: [], ...partial } });
export const ignored = (reason: string): Normalised => ({ kind: "ignored", reason });

export function object(value: unknown): Json | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : null;
}

export function requireObject(value: unknown, what: string): Json {
  const found = object(value);
  if (!found) throw new UnreadablePayloadError(`${what} is missing`);
  return found;
}

export function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(object).filter((item): item is Json => item !== null) : [];
}

export function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** A platform id as text; ids beyond 2^53 already arrive as text (see parseWebhookJson). */
export function idText(value: unknown): string | null {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return String(value);
  return null;
}

export function requireId(value: unknown, what: string): string {
  const id = idText(value);
  if (!id) throw new UnreadablePayloadError(`${what} has no id`);
  return id;
}

/** An ISO 8601 time; one without an offset (WooCommerce's `_gmt` fields) is read as UTC. */
export function time(value: unknown): Date | null {
  if (typeof value !== "string" || value === "") return null;
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const parsed = new Date(withZone);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function unixTime(value: unknown): Date | null {
  return typeof value === "number" && Number.isFinite(value) ? new Date(value * 1000) : null;
}

/** A decimal amount ("199.00", or a number) in the currency's minor units, exactly. */
export function money(value: unknown, currency: string, what: string): number {
  const raw = typeof value === "number" ? value.toFixed(minorDigits(currency)) : typeof value === "string" ? value : "";
  const minor = toMinor(raw, currency);
  if (minor === undefined) throw new UnreadablePayloadError(`${what} is not an amount in ${currency}`);
  return minor;
}

export function currencyOf(value: unknown, what: string): string {
  if (typeof value !== "string" || !/^[A-Za-z]{3}$/.test(value)) throw new UnreadablePayloadError(`${what} has no currency`);
  return value.toUpperCase();
}

export function fullName(first: unknown, last: unknown, fallback?: unknown): string | null {
  const joined = [text(first), text(last)].filter(Boolean).join(" ");
  return joined || text(fallback);
}
