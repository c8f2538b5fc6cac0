import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { customerIdentities, customers, interactions } from "../db/schema/index.ts";
import type { Transaction } from "../platform/db.ts";
import type { CustomerInput } from "./customer-input.ts";
import type { SourceCustomer } from "./source-records.ts";
import { standardiseCustomer, type CustomerValues, type StandardiseContext } from "./standardise-customer.ts";

/** Who a change is written on the timeline as: the delivery or run that made it. */
export type ChangeAuthor = { type: string; id: string };

export type SyncResult = { id: string | null; skipped?: string; warnings: string[] };

/**
 * Standardises what a shop sent, leaving out values that do not standardise (a malformed phone
 * from a shop must not block its order), each left-out value reported as a warning.
 */
function cleanValues(input: CustomerInput, context: StandardiseContext): { values: CustomerValues; warnings: string[] } {
  const first = standardiseCustomer(input, context);
  if (first.issues.length === 0) return { values: first.values, warnings: [] };
  const rejected = new Set(first.issues.map((issue) => issue.path.replace(/^json\./, "").split(".")[0]!));
  const kept = Object.fromEntries(Object.entries(input).filter(([field]) => !rejected.has(field))) as CustomerInput;
  const second = standardiseCustomer(kept, context);
  return { values: second.values, warnings: first.issues.map((issue) => `${issue.path.replace(/^json\./, "")} ${issue.message}; left out`) };
}

const isBlank = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

async function matchCustomer(tx: Transaction, values: CustomerValues): Promise<string | undefined> {
  for (const [column, value] of [[customers.email, values.email], [customers.phone, values.phone]] as const) {
    if (!value) continue;
    const [match] = await tx.select({ id: customers.id }).from(customers).where(and(eq(column, value), isNull(customers.erasedAt))).orderBy(asc(customers.createdAt)).limit(1);
    if (match) return match.id;
  }
  return undefined;
}

/**
 * Brings one customer from a shop into the database: found by the shop's id, then by email,
 * then by phone, else created; the shop's non-empty values replace what differs, and every
 * change is written on the timeline. A message older than the last one applied from the same
 * shop for the same customer changes nothing.
 */
export async function syncCustomer(tx: Transaction, tenantId: string, platform: string, record: SourceCustomer, context: StandardiseContext, who: ChangeAuthor): Promise<SyncResult> {
  const { values, warnings } = cleanValues(record.input, context);
  const provided = Object.fromEntries(Object.entries(values).filter(([, value]) => !isBlank(value))) as CustomerValues;
  let id: string | undefined;
  if (record.externalId) {
    const [identity] = await tx
      .select({ customerId: customerIdentities.customerId, sourceUpdatedAt: customerIdentities.sourceUpdatedAt })
      .from(customerIdentities)
      .where(and(eq(customerIdentities.platform, platform), eq(customerIdentities.externalId, record.externalId)))
      .for("update");
    if (identity && record.updatedAt && identity.sourceUpdatedAt && record.updatedAt < identity.sourceUpdatedAt) {
      return { id: identity.customerId, skipped: `customer ${record.externalId}: older than what ${platform} sent before`, warnings };
    }
    id = identity?.customerId;
  }
  id ??= await matchCustomer(tx, provided);
  if (!id && !record.externalId && Object.keys(provided).length === 0) return { id: null, warnings };
  if (id) {
    const [current] = await tx.select().from(customers).where(eq(customers.id, id)).for("update");
    const changes = Object.fromEntries(
      Object.entries(provided)
        .filter(([field, value]) => JSON.stringify(current?.[field as keyof typeof current] ?? null) !== JSON.stringify(value))
        .map(([field, to]) => [field, { from: current?.[field as keyof typeof current] ?? null, to }]),
    );
    if (Object.keys(changes).length) {
      const set = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to]));
      await tx.update(customers).set({ ...set, updatedAt: new Date() }).where(eq(customers.id, id));
      await tx.insert(interactions).values({ tenantId, customerId: id, kind: "field_change", summary: `Changed ${Object.keys(changes).join(", ")} from ${platform}`, data: changes, actorType: who.type, actorId: who.id });
    }
  } else {
    const [created] = await tx.insert(customers).values({ ...provided, source: provided.source ?? platform, tenantId }).returning({ id: customers.id });
    id = created!.id;
    await tx.insert(interactions).values({ tenantId, customerId: id, kind: "created", summary: `Created from ${platform}`, actorType: who.type, actorId: who.id });
  }
  if (record.externalId) {
    await tx
      .insert(customerIdentities)
      .values({ tenantId, platform, externalId: record.externalId, customerId: id, sourceUpdatedAt: record.updatedAt })
      .onConflictDoUpdate({
        target: [customerIdentities.tenantId, customerIdentities.platform, customerIdentities.externalId],
        set: { sourceUpdatedAt: sql`greatest(${customerIdentities.sourceUpdatedAt}, excluded.source_updated_at)` },
      });
  }
  return { id, warnings };
}
