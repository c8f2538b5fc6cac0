import { desc, eq, sql } from "drizzle-orm";
import { integrations } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { BadRequestError, NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { generateSecret, PLATFORM_ISSUES_SECRET } from "./secrets.ts";
import type { Platform } from "./verify/index.ts";

export type IntegrationRow = typeof integrations.$inferSelect;
export type NewIntegration = { platform: Platform; name: string; shopDomain?: string | null; secret?: string };
export type IntegrationChange = { name?: string; shopDomain?: string | null; status?: "active" | "disabled" };

function secretFor(platform: Platform, given: string | undefined): string {
  if (given) return given;
  if (PLATFORM_ISSUES_SECRET[platform]) {
    throw new BadRequestError(`A ${platform} integration needs the signing secret ${platform} shows for the webhook.`, [{ path: "json.secret", message: "is required for this platform" }]);
  }
  return generateSecret(platform);
}

async function findIntegration(tx: Transaction, integrationId: string): Promise<IntegrationRow> {
  const [row] = await tx.select().from(integrations).where(eq(integrations.id, integrationId));
  if (!row) throw new NotFoundError("integration", integrationId);
  return row;
}

/** Connects a shop; returns the integration with its secret, which is shown only here and on rotation. */
export async function createIntegration(db: Database, actor: Actor, input: NewIntegration): Promise<{ integration: IntegrationRow; secret: string }> {
  const secret = secretFor(input.platform, input.secret);
  return withTenant(db, actor.tenantId, async (tx) => {
    const [integration] = await tx
      .insert(integrations)
      .values({ tenantId: actor.tenantId, platform: input.platform, name: input.name, shopDomain: input.shopDomain ?? null, secret, createdBy: actor.kind === "user" ? actor.userId : null })
      .returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "integrations.create",
      entityType: "integration",
      entityId: integration!.id,
      notPersonal: ["name", "shopDomain"],
      changes: { platform: input.platform, name: input.name, shopDomain: input.shopDomain ?? null, secretGenerated: input.secret === undefined },
    });
    return { integration: integration!, secret };
  });
}

export async function listIntegrations(db: Database, actor: Actor): Promise<IntegrationRow[]> {
  return withTenant(db, actor.tenantId, (tx) => tx.select().from(integrations).orderBy(desc(integrations.createdAt), desc(integrations.id)));
}

export async function getIntegration(db: Database, actor: Actor, integrationId: string): Promise<IntegrationRow> {
  return withTenant(db, actor.tenantId, (tx) => findIntegration(tx, integrationId));
}

/** Renames, re-points or disables an integration; a disabled one refuses deliveries with 410 until enabled again. */
export async function updateIntegration(db: Database, actor: Actor, integrationId: string, change: IntegrationChange): Promise<IntegrationRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const before = await findIntegration(tx, integrationId);
    const changed = Object.fromEntries(Object.entries(change).filter(([field, value]) => value !== undefined && before[field as keyof IntegrationRow] !== value));
    if (Object.keys(changed).length === 0) return before;
    const [after] = await tx.update(integrations).set({ ...changed, updatedAt: new Date() }).where(eq(integrations.id, integrationId)).returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "integrations.update",
      entityType: "integration",
      entityId: integrationId,
      notPersonal: ["name", "shopDomain", "status"],
      changes: Object.fromEntries(Object.entries(changed).map(([field, to]) => [field, { from: before[field as keyof IntegrationRow], to }])),
    });
    return after!;
  });
}

/**
 * Replaces the signing secret. The old one keeps verifying for `overlapHours`, long enough to
 * switch the shop over and for deliveries already signed with it to arrive.
 */
export async function rotateIntegrationSecret(
  db: Database,
  actor: Actor,
  integrationId: string,
  input: { secret?: string; overlapHours: number },
): Promise<{ integration: IntegrationRow; secret: string }> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const before = await findIntegration(tx, integrationId);
    const secret = secretFor(before.platform, input.secret);
    const [integration] = await tx
      .update(integrations)
      .set({
        secret,
        previousSecret: input.overlapHours > 0 ? before.secret : null,
        previousSecretExpiresAt: input.overlapHours > 0 ? sql`now() + make_interval(hours => ${input.overlapHours})` : null,
        secretRotatedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(integrations.id, integrationId))
      .returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "integrations.rotate_secret",
      entityType: "integration",
      entityId: integrationId,
      changes: { overlapHours: input.overlapHours, secretGenerated: input.secret === undefined },
    });
    return { integration: integration!, secret };
  });
}

/** Removes an integration and its delivery log; its URL answers 404 from then on. */
export async function deleteIntegration(db: Database, actor: Actor, integrationId: string): Promise<void> {
  await withTenant(db, actor.tenantId, async (tx) => {
    const before = await findIntegration(tx, integrationId);
    await tx.delete(integrations).where(eq(integrations.id, integrationId));
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "integrations.delete",
      entityType: "integration",
      entityId: integrationId,
      notPersonal: ["name", "platform"],
      changes: { name: before.name, platform: before.platform },
    });
  });
}
