import { z } from "@hono/zod-openapi";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { customerView, type CustomerView } from "../../customers/customer-view.ts";
import { customers, customerScores } from "../../db/schema/index.ts";
import type { Transaction } from "../../platform/db.ts";
import { decodeCursor, encodeCursor } from "../../platform/pagination.ts";
import { compileFilter } from "./compile-filter.ts";
import type { SegmentFilter } from "./filter-schema.ts";

/** The tenant's latest finished run: the one whose scores a filter's `score.*` fields read. */
const LATEST_RUN = sql`(select r.id from segmentation_runs r where r.status = 'done' order by r.finished_at desc nulls last, r.id desc limit 1)`;

const Position = z.object({ value: z.string(), id: z.uuid() });

export type MemberPage = { items: CustomerView[]; nextCursor: string | null };

/** Each customer's row of the latest finished run, when it scored them. */
const LATEST_SCORES = and(eq(customerScores.customerId, customers.id), sql`${customerScores.runId} = ${LATEST_RUN}`);

/** The filter, over customers that are not erased. */
function membership(filter: SegmentFilter, extra: SQL[] = []): SQL {
  return and(isNull(customers.erasedAt), compileFilter(filter), ...extra)!;
}

/** How many customers match a filter now. */
export async function countMembers(tx: Transaction, filter: SegmentFilter): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(customers).leftJoin(customerScores, LATEST_SCORES).where(membership(filter));
  return Number(row?.n ?? 0);
}

/**
 * One page of the customers a filter matches, oldest record first, paged by keyset over
 * (created at, id) like the customer list: every page costs the same however deep.
 */
export async function pageOfMembers(tx: Transaction, filter: SegmentFilter, page: { cursor?: string; limit: number }): Promise<MemberPage> {
  const extra: SQL[] = [];
  if (page.cursor) {
    const position = decodeCursor(page.cursor, Position);
    extra.push(sql`(${customers.createdAt}, ${customers.id}) > (${position.value}::timestamptz, ${position.id}::uuid)`);
  }
  const rows = await tx
    .select({ customer: customers, sortValue: sql<string>`${customers.createdAt}::text` })
    .from(customers)
    .leftJoin(customerScores, LATEST_SCORES)
    .where(membership(filter, extra))
    .orderBy(customers.createdAt, customers.id)
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > page.limit && last ? encodeCursor({ value: last.sortValue, id: last.customer.id }) : null;
  return { items: items.map((row) => customerView(row.customer)), nextCursor };
}
