import { asc, eq, sql } from "drizzle-orm";
import { customAttributes, customers } from "../db/schema/index.ts";
import { textArray } from "../db/sql-arrays.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { isUniqueViolation } from "../platform/db-errors.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import type { AttributeDefinition, AttributeType } from "./attribute-values.ts";

export type AttributeRow = typeof customAttributes.$inferSelect;

const needsOptions = (type: AttributeType) => type === "enum" || type === "multi_enum";

function checkOptions(type: AttributeType, options: string[] | undefined): string[] {
  if (needsOptions(type) && (!options || options.length === 0)) {
    throw new BadRequestError("An enum attribute needs its options.", [{ path: "json.options", message: "must list at least one option" }]);
  }
  if (!needsOptions(type) && options && options.length > 0) {
    throw new BadRequestError("Only enum attributes have options.", [{ path: "json.options", message: `is not used by ${type}` }]);
  }
  return options ?? [];
}

/** The tenant's attribute definitions, read inside a caller's transaction. */
export async function attributeDefinitions(tx: Transaction): Promise<AttributeDefinition[]> {
  return tx
    .select({ key: customAttributes.key, label: customAttributes.label, type: customAttributes.type, options: customAttributes.options })
    .from(customAttributes)
    .orderBy(asc(customAttributes.key));
}

export async function listAttributes(db: Database, actor: Actor): Promise<AttributeRow[]> {
  return withTenant(db, actor.tenantId, (tx) => tx.select().from(customAttributes).orderBy(asc(customAttributes.key)));
}

/** Declares a new attribute; its key is fixed from then on. */
export async function defineAttribute(
  db: Database,
  actor: Actor,
  data: { key: string; label: string; type: AttributeType; options?: string[] },
): Promise<AttributeRow> {
  const options = checkOptions(data.type, data.options);
  try {
    return await withTenant(db, actor.tenantId, async (tx) => {
      const [row] = await tx.insert(customAttributes).values({ tenantId: actor.tenantId, ...data, options }).returning();
      await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
        action: "attributes.create",
        entityType: "attribute",
        entityId: data.key,
        changes: { label: data.label, type: data.type, options },
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`An attribute with key ${data.key} exists.`, [{ path: "json.key", message: "is taken" }]);
    }
    throw error;
  }
}

/**
 * Changes an attribute's label or options. An option still used by a customer cannot be
 * removed, so no stored value becomes invalid.
 */
export async function updateAttribute(
  db: Database,
  actor: Actor,
  key: string,
  change: { label?: string; options?: string[] },
): Promise<AttributeRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [current] = await tx.select().from(customAttributes).where(eq(customAttributes.key, key));
    if (!current) throw new NotFoundError("attribute", key);
    if (change.options) checkOptions(current.type, change.options);
    const removed = change.options ? current.options.filter((option) => !change.options!.includes(option)) : [];
    if (removed.length) {
      // jsonb `?|` matches a string value and the elements of an array alike: enum and multi_enum.
      const [use] = (
        await tx.execute<{ n: number }>(sql`select count(*)::int as n from customers where attributes -> ${key} ?| ${textArray(removed)}`)
      ).rows;
      if ((use?.n ?? 0) > 0) {
        throw new ConflictError(`${use!.n} customers still use ${removed.join(", ")}; change their values first.`, [
          { path: "json.options", message: "would drop options still in use" },
        ]);
      }
    }
    const [row] = await tx
      .update(customAttributes)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(customAttributes.key, key))
      .returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "attributes.update",
      entityType: "attribute",
      entityId: key,
      changes: Object.fromEntries(Object.entries(change).map(([field, to]) => [field, { from: current[field as keyof AttributeRow], to }])),
    });
    return row!;
  });
}

/** Removes an attribute and its values from every customer of the tenant. */
export async function removeAttribute(db: Database, actor: Actor, key: string): Promise<void> {
  await withTenant(db, actor.tenantId, async (tx) => {
    const deleted = await tx.delete(customAttributes).where(eq(customAttributes.key, key)).returning({ key: customAttributes.key });
    if (deleted.length === 0) throw new NotFoundError("attribute", key);
    await tx
      .update(customers)
      .set({ attributes: sql`${customers.attributes} - ${key}` })
      .where(sql`${customers.attributes} ? ${key}`);
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "attributes.remove", entityType: "attribute", entityId: key });
  });
}
