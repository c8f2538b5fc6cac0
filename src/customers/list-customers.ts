import { z } from "@hono/zod-openapi";
import { and, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { customers } from "../db/schema/index.ts";
import { textArray } from "../db/sql-arrays.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { decodeCursor, encodeCursor } from "../platform/pagination.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { CUSTOMER_COLUMNS, customerView, type CustomerView } from "./customer-view.ts";

export const SORTS = ["createdAt", "-createdAt", "updatedAt", "-updatedAt", "name", "-name"] as const;
export type Sort = (typeof SORTS)[number];

export type CustomerFilter = {
  q?: string;
  fields?: Partial<Record<keyof typeof CUSTOMER_COLUMNS, string>>;
  tags?: string[];
  attributes?: Record<string, string>;
  emailConsent?: boolean;
  smsConsent?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
  updatedFrom?: Date;
  updatedTo?: Date;
};

const SORT_KEYS = {
  createdAt: sql`${customers.createdAt}`,
  updatedAt: sql`${customers.updatedAt}`,
  name: sql`coalesce(lower(${customers.displayName}), '')`,
} as const;

const Position = z.object({ sort: z.enum(SORTS), value: z.string(), id: z.uuid() });

/** Words of a search as a prefix query: every word must start some word of the record. */
export function searchQuery(q: string): string | null {
  const words = q
    .normalize("NFKC")
    .toLowerCase()
    .split(/[\s,;:'"()&|!<>*\\]+/)
    .map((word) => word.replace(/^[+-]+/, ""))
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((word) => `'${word.replaceAll("'", "")}':*`).join(" & ") : null;
}

const likePrefix = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The search condition: words as prefixes over the search vector; an email-like word as a
 * prefix of the email; and a query that is a phone number (digits with spaces, dashes, dots or
 * brackets) also as any part of the stored E.164 number, so "138 0013" finds +8613800138000.
 */
function searchCondition(q: string): SQL | undefined {
  const clean = q.normalize("NFKC").trim();
  const digits = clean.replace(/[\s+\-().]/g, "");
  const alternatives: SQL[] = [];
  if (/^\d{4,}$/.test(digits)) alternatives.push(sql`${customers.phone} like ${`%${digits}%`}`);
  const words = clean.toLowerCase().split(/\s+/);
  const emailWords = words.filter((word) => word.includes("@"));
  const query = searchQuery(words.filter((word) => !word.includes("@")).join(" "));
  const emailCondition = emailWords.map((word) => sql`lower(${customers.email}) like ${`${likePrefix(word)}%`}`);
  const textCondition = query ? [sql`search @@ to_tsquery('simple', ${query})`] : [];
  if (emailCondition.length || textCondition.length) alternatives.push(and(...emailCondition, ...textCondition)!);
  return alternatives.length ? or(...alternatives) : undefined;
}

function conditionsOf(filter: CustomerFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.q) {
    const search = searchCondition(filter.q);
    if (search) conditions.push(search);
  }
  for (const [field, value] of Object.entries(filter.fields ?? {})) {
    const column = CUSTOMER_COLUMNS[field as keyof typeof CUSTOMER_COLUMNS];
    if (value !== undefined) conditions.push(field === "email" ? eq(column, value.toLowerCase()) : eq(column, value));
  }
  if (filter.tags?.length) conditions.push(sql`${customers.tags} @> ${textArray(filter.tags)}`);
  for (const [key, value] of Object.entries(filter.attributes ?? {})) {
    conditions.push(sql`(${customers.attributes} -> ${key} ? ${value} or ${customers.attributes} ->> ${key} = ${value})`);
  }
  if (filter.emailConsent !== undefined) conditions.push(eq(customers.emailConsent, filter.emailConsent));
  if (filter.smsConsent !== undefined) conditions.push(eq(customers.smsConsent, filter.smsConsent));
  if (filter.createdFrom) conditions.push(gte(customers.createdAt, filter.createdFrom));
  if (filter.createdTo) conditions.push(lt(customers.createdAt, filter.createdTo));
  if (filter.updatedFrom) conditions.push(gte(customers.updatedAt, filter.updatedFrom));
  if (filter.updatedTo) conditions.push(lt(customers.updatedAt, filter.updatedTo));
  return conditions;
}

/**
 * Lists customers with search, filters and a sort, paged by keyset over (sort key, id): every
 * page costs the same however deep it is, and the cursor carries the sort key at full
 * database precision so rows sharing a timestamp are neither skipped nor repeated.
 */
export async function listCustomers(
  db: Database,
  actor: Actor,
  filter: CustomerFilter,
  page: { sort: Sort; cursor?: string; limit: number },
): Promise<{ items: CustomerView[]; nextCursor: string | null }> {
  const descending = page.sort.startsWith("-");
  const key = SORT_KEYS[page.sort.replace("-", "") as keyof typeof SORT_KEYS];
  const conditions = conditionsOf(filter);
  if (page.cursor) {
    const position = decodeCursor(page.cursor, Position.refine((p) => p.sort === page.sort, { error: "belongs to another sort" }));
    const cast = page.sort.includes("name") ? sql`${position.value}` : sql`${position.value}::timestamptz`;
    conditions.push(descending ? sql`(${key}, ${customers.id}) < (${cast}, ${position.id}::uuid)` : sql`(${key}, ${customers.id}) > (${cast}, ${position.id}::uuid)`);
  }
  const direction = descending ? sql`desc` : sql`asc`;
  const rows = await withTenant(db, actor.tenantId, (tx) =>
    tx
      .select({ customer: customers, sortValue: sql<string>`(${key})::text` })
      .from(customers)
      .where(and(...conditions))
      .orderBy(sql`${key} ${direction}`, sql`${customers.id} ${direction}`)
      .limit(page.limit + 1),
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > page.limit && last ? encodeCursor({ sort: page.sort, value: last.sortValue, id: last.customer.id }) : null;
  return { items: items.map((row) => customerView(row.customer)), nextCursor };
}
