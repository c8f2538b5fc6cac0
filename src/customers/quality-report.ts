import { and, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { customers } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";

/** Fields whose completeness the report measures, named as the API names them. */
export const QUALITY_FIELDS = ["name", "email", "phone", "addressLine1", "city", "postalCode", "country", "company", "birthday", "tags"] as const;
export const INVALID_CHECKS = ["email", "phone", "country", "birthday"] as const;
export const DUPLICATE_KEYS = ["email", "phone"] as const;
export const EXAMPLE_LIMIT = 10;

export type QualityField = (typeof QUALITY_FIELDS)[number];
export type InvalidCheck = (typeof INVALID_CHECKS)[number];
export type DuplicateKey = (typeof DUPLICATE_KEYS)[number];

/** How many customers meet a condition, and their share of all customers (0 when there are none). */
export type Coverage = { count: number; share: number };
export type InvalidValues = { count: number; examples: string[] };
export type DuplicateCandidates = { groups: number; customers: number };

export type QualityReport = {
  total: number;
  completeness: Record<QualityField, Coverage>;
  invalid: Record<InvalidCheck, InvalidValues>;
  duplicates: Record<DuplicateKey, DuplicateCandidates>;
  stale: Coverage & { months: number };
  emailConsent: Coverage;
};

// Deliberately looser than the write path's checks: they find legacy values that slipped past it.
const EMAIL_PATTERN = "^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$";
const PHONE_PATTERN = "^[+][0-9]{8,15}$";
const COUNTRY_PATTERN = "^[A-Z]{2}$";

/** Blank text counts as missing: legacy imports stored '' where the write path stores null. */
const present = (column: PgColumn): SQL => sql`nullif(btrim(${column}), '') is not null`;

const PRESENT: Record<QualityField, SQL> = {
  name: present(customers.displayName),
  email: present(customers.email),
  phone: present(customers.phone),
  addressLine1: present(customers.addressLine1),
  city: present(customers.city),
  postalCode: present(customers.postalCode),
  country: present(customers.country),
  company: present(customers.company),
  birthday: sql`${customers.birthday} is not null`,
  tags: sql`cardinality(${customers.tags}) > 0`,
};

const INVALID: Record<InvalidCheck, SQL> = {
  email: and(PRESENT.email, sql`${customers.email} !~ ${EMAIL_PATTERN}`)!,
  phone: and(PRESENT.phone, sql`${customers.phone} !~ ${PHONE_PATTERN}`)!,
  country: and(PRESENT.country, sql`${customers.country} !~ ${COUNTRY_PATTERN}`)!,
  birthday: sql`${customers.birthday} > current_date`,
};

const DUPLICATE_KEY: Record<DuplicateKey, { key: SQL; present: SQL }> = {
  email: { key: sql`lower(${customers.email})`, present: PRESENT.email },
  phone: { key: sql`${customers.phone}`, present: PRESENT.phone },
};

const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

// An uncorrelated subquery, so only the first few ids are read, however many values fail.
const firstIds = (condition: SQL) =>
  sql<string[]>`array(select ${customers.id}::text from ${customers} where ${condition} order by ${customers.createdAt}, ${customers.id} limit ${EXAMPLE_LIMIT})`;

function mapRecord<K extends string, A, B>(record: Record<K, A>, fn: (value: A, key: K) => B): Record<K, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value as A, key as K)])) as Record<K, B>;
}

/** `count / total` rounded to 4 decimals; 0 for an empty tenant rather than NaN. */
export function shareOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 10_000) / 10_000;
}

/**
 * The tenant's data quality report, the "verify regularly" step of maintaining the customer
 * database: how complete each field is, which stored values fail a basic check (with a few
 * customer ids to start repairing from), which customers may be duplicates by email or phone,
 * how many records have not changed in `staleMonths` months, and how many consent to email.
 * Computed set-wise by the database in one transaction, never by reading customers one by one.
 */
export async function qualityReport(db: Database, actor: Actor, options: { staleMonths: number }): Promise<QualityReport> {
  const stale = sql`${customers.updatedAt} < now() - make_interval(months => ${options.staleMonths}::int)`;
  return withTenant(db, actor.tenantId, async (tx) => {
    const [counts] = await tx
      .select({
        total: sql<number>`count(*)::int`,
        filled: mapRecord(PRESENT, countWhere),
        invalid: mapRecord(INVALID, countWhere),
        examples: mapRecord(INVALID, firstIds),
        stale: countWhere(stale),
        emailConsent: countWhere(sql`${customers.emailConsent}`),
      })
      .from(customers);
    const duplicates = {} as Record<DuplicateKey, DuplicateCandidates>;
    for (const key of DUPLICATE_KEYS) duplicates[key] = await duplicateCandidates(tx, DUPLICATE_KEY[key]);

    const total = counts!.total;
    const coverage = (count: number): Coverage => ({ count, share: shareOf(count, total) });
    return {
      total,
      completeness: mapRecord(counts!.filled, coverage),
      invalid: mapRecord(counts!.invalid, (count, check) => ({ count, examples: counts!.examples[check] })),
      duplicates,
      stale: { months: options.staleMonths, ...coverage(counts!.stale) },
      emailConsent: coverage(counts!.emailConsent),
    };
  });
}

/** Groups of two or more customers sharing a key, and how many customers those groups hold. */
async function duplicateCandidates(tx: Transaction, { key, present }: { key: SQL; present: SQL }): Promise<DuplicateCandidates> {
  const groups = tx
    .select({ size: sql<number>`count(*)`.as("size") })
    .from(customers)
    .where(present)
    .groupBy(key)
    .having(sql`count(*) > 1`)
    .as("groups");
  const [row] = await tx.select({ groups: sql<number>`count(*)::int`, customers: sql<number>`coalesce(sum(${groups.size}), 0)::int` }).from(groups);
  return row!;
}
