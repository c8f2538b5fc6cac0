import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./db.ts";

/** The role tenant work runs as; created by the migrations without BYPASSRLS or superuser. */
export const APP_ROLE = "ckm_app";

/**
 * Runs `fn` in one transaction scoped to one tenant: the transaction first drops to the
 * application role and sets `app.tenant_id`, so row-level security limits every statement in
 * `fn` to that tenant's rows whatever its WHERE clauses say. Both settings end with the
 * transaction.
 */
export async function withTenant<T>(db: Database, tenantId: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
    return fn(tx);
  });
}

/**
 * Scopes the rest of a transaction to one tenant. For work that learns its tenant inside the
 * transaction (a webhook names only its integration): `withoutTenant`, look up, then enter.
 */
export async function enterTenant(tx: Transaction, tenantId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}

/**
 * Runs `fn` as the application role with no tenant set: every tenant table then shows no rows,
 * and only the credential functions of the migrations (which answer "which tenant?") help.
 * For sign-in steps that come before the tenant is known.
 */
export async function withoutTenant<T>(db: Database, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
    return fn(tx);
  });
}
