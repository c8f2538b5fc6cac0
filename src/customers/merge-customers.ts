import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { customerIdentities, customerMerges, customers, interactions, orders } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { findCustomer } from "./customer-context.ts";
import { mergeValues } from "./merge-rules.ts";
import { moveCustomerSurveyData } from "../surveys/move-customer-responses.ts";

export type MergeRow = typeof customerMerges.$inferSelect;

/** Every stored column of customers (the generated search vector excluded), in SQL names. */
const COLUMNS = sql.raw(
  Object.values(getTableColumns(customers))
    .map((column) => `"${column.name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}"`)
    .join(", "),
);

async function snapshot(tx: Transaction, customerId: string): Promise<unknown> {
  const result = await tx.execute<{ row: unknown }>(sql`select to_jsonb(c) - 'search' as row from customers c where id = ${customerId}`);
  return result.rows[0]!.row;
}

/**
 * Merges `duplicateId` into `survivorId`: field-by-field rules fill the survivor, and the
 * duplicate's identities, orders, timeline and survey responses move to it before the duplicate is deleted. Both
 * rows as they were and the ids of what moved are kept, so the merge can be undone exactly.
 */
export async function mergeCustomers(db: Database, actor: Actor, survivorId: string, duplicateId: string): Promise<MergeRow> {
  if (survivorId === duplicateId) throw new BadRequestError("A customer cannot be merged into itself.", [{ path: "json.duplicateId", message: "is the same customer" }]);
  return withTenant(db, actor.tenantId, async (tx) => {
    const survivor = await findCustomer(tx, survivorId);
    const duplicate = await findCustomer(tx, duplicateId);
    const survivorBefore = await snapshot(tx, survivorId);
    const mergedBefore = await snapshot(tx, duplicateId);

    const identities = await tx.update(customerIdentities).set({ customerId: survivorId }).where(eq(customerIdentities.customerId, duplicateId)).returning({ platform: customerIdentities.platform, externalId: customerIdentities.externalId });
    const movedOrders = await tx.update(orders).set({ customerId: survivorId }).where(eq(orders.customerId, duplicateId)).returning({ id: orders.id });
    const movedInteractions = await tx.update(interactions).set({ customerId: survivorId }).where(eq(interactions.customerId, duplicateId)).returning({ id: interactions.id });
    const movedSurveyData = await moveCustomerSurveyData(tx, duplicateId, survivorId);
    await tx.delete(customers).where(eq(customers.id, duplicateId));
    const [after] = await tx
      .update(customers)
      .set({ ...mergeValues(survivor, duplicate), updatedAt: new Date() })
      .where(eq(customers.id, survivorId))
      .returning({ updatedAt: sql<string>`${customers.updatedAt}::text` });

    const who = auditActorOf(actor);
    const [note] = await tx
      .insert(interactions)
      .values({ tenantId: actor.tenantId, customerId: survivorId, kind: "merge", summary: `Merged ${duplicate.displayName ?? duplicate.email ?? duplicateId} into this record`, data: { mergedId: duplicateId }, actorType: who.type, actorId: who.id })
      .returning({ id: interactions.id });
    const [merge] = await tx
      .insert(customerMerges)
      .values({
        tenantId: actor.tenantId,
        survivorId,
        mergedId: duplicateId,
        survivorBefore,
        mergedBefore,
        survivorAfterUpdatedAt: after!.updatedAt,
        moved: { identities, orders: movedOrders.map((row) => row.id), interactions: movedInteractions.map((row) => row.id), ...movedSurveyData },
        mergeInteractionId: note!.id,
      })
      .returning();
    await tx.update(interactions).set({ data: { mergedId: duplicateId, mergeId: merge!.id } }).where(eq(interactions.id, note!.id));
    await recordAudit(tx, actor.tenantId, who, { action: "customers.merge", entityType: "customer", entityId: survivorId, changes: { mergedId: duplicateId, mergeId: merge!.id } });
    return merge!;
  });
}

/**
 * Undoes a merge: the merged customer comes back with its id and every value, the survivor
 * returns to its values before the merge, and what moved moves back. Refused when the survivor
 * changed after the merge, since restoring it would silently drop that change.
 */
export async function undoMerge(db: Database, actor: Actor, mergeId: string): Promise<MergeRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [merge] = await tx.select().from(customerMerges).where(eq(customerMerges.id, mergeId)).for("update");
    if (!merge) throw new NotFoundError("merge", mergeId);
    if (merge.undoneAt) throw new ConflictError("This merge was already undone.");
    const [current] = await tx
      .select({ unchanged: sql<boolean>`${customers.updatedAt} = ${customerMerges.survivorAfterUpdatedAt}` })
      .from(customers)
      .innerJoin(customerMerges, eq(customerMerges.id, mergeId))
      .where(eq(customers.id, merge.survivorId))
      .for("update", { of: customers });
    if (!current) throw new ConflictError("The surviving customer no longer exists.");
    if (!current.unchanged) {
      throw new ConflictError("The surviving customer changed after the merge; undoing would lose that change.");
    }
    await tx.delete(interactions).where(eq(interactions.id, merge.mergeInteractionId));
    await tx.execute(sql`insert into customers (${COLUMNS}) select ${COLUMNS} from jsonb_populate_record(null::customers, ${JSON.stringify(merge.mergedBefore)}::jsonb)`);
    await tx.execute(sql`update customers set (${COLUMNS}) = (select ${COLUMNS} from jsonb_populate_record(null::customers, ${JSON.stringify(merge.survivorBefore)}::jsonb)) where id = ${merge.survivorId}`);
    const { moved } = merge;
    for (const identity of moved.identities) {
      await tx.update(customerIdentities).set({ customerId: merge.mergedId }).where(and(eq(customerIdentities.platform, identity.platform), eq(customerIdentities.externalId, identity.externalId)));
    }
    if (moved.orders.length) await tx.update(orders).set({ customerId: merge.mergedId }).where(inArray(orders.id, moved.orders));
    if (moved.interactions.length) await tx.update(interactions).set({ customerId: merge.mergedId }).where(inArray(interactions.id, moved.interactions));
    await moveCustomerSurveyData(tx, merge.survivorId, merge.mergedId, { surveyResponses: moved.surveyResponses ?? [], widgetVisitors: moved.widgetVisitors ?? [] });
    const [undone] = await tx.update(customerMerges).set({ undoneAt: new Date() }).where(eq(customerMerges.id, mergeId)).returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "customers.merges.undo", entityType: "customer", entityId: merge.survivorId, changes: { mergedId: merge.mergedId, mergeId } });
    return undone!;
  });
}
