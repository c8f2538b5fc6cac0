import { eq } from "drizzle-orm";
import { tenants } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "./audit.ts";

export type TenantSettings = {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  currency: string;
  locale: string;
  defaultCountry: string | null;
  allowedOrigins: string[];
  webhookRetentionDays: number;
  backupRetention: { daily: number; weekly: number; monthly: number };
  globalRecontactDays: number | null;
};

export type SettingsChange = Partial<Omit<TenantSettings, "id" | "slug">>;

const settingsColumns = {
  id: tenants.id,
  slug: tenants.slug,
  name: tenants.name,
  timezone: tenants.timezone,
  currency: tenants.currency,
  locale: tenants.locale,
  defaultCountry: tenants.defaultCountry,
  allowedOrigins: tenants.allowedOrigins,
  webhookRetentionDays: tenants.webhookRetentionDays,
  backupRetention: tenants.backupRetention,
  globalRecontactDays: tenants.globalRecontactDays,
};

export async function getSettings(db: Database, actor: Actor): Promise<TenantSettings> {
  const [settings] = await withTenant(db, actor.tenantId, (tx) => tx.select(settingsColumns).from(tenants));
  if (!settings) throw new NotFoundError("tenant", actor.tenantId);
  return settings;
}

/** Changes the given settings and records each changed field's old and new value. */
export async function updateSettings(db: Database, actor: Actor, change: SettingsChange): Promise<TenantSettings> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [before] = await tx.select(settingsColumns).from(tenants);
    if (!before) throw new NotFoundError("tenant", actor.tenantId);
    const changed = Object.fromEntries(
      Object.entries(change).filter(([field, value]) => JSON.stringify(before[field as keyof TenantSettings]) !== JSON.stringify(value)),
    ) as SettingsChange;
    if (Object.keys(changed).length === 0) return before;
    const [after] = await tx
      .update(tenants)
      .set({ ...changed, updatedAt: new Date() })
      .where(eq(tenants.id, actor.tenantId))
      .returning(settingsColumns);
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "settings.update",
      entityType: "tenant",
      entityId: actor.tenantId,
      notPersonal: ["name"],
      changes: Object.fromEntries(
        Object.entries(changed).map(([field, value]) => [field, { from: before[field as keyof TenantSettings], to: value }]),
      ),
    });
    return after!;
  });
}
