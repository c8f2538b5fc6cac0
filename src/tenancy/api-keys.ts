import { desc, eq, sql } from "drizzle-orm";
import { apiKeys } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import { PUBLISHABLE_KEY_PREFIX, SECRET_KEY_PREFIX } from "../platform/authenticate.ts";
import type { Database } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import type { Role } from "../platform/roles.ts";
import { hashToken } from "../platform/secrets.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "./audit.ts";

export type ApiKey = typeof apiKeys.$inferSelect;

export type CreateApiKeyData =
  | { kind: "secret"; name: string; role: Exclude<Role, "owner">; expiresAt?: Date }
  | { kind: "publishable"; name: string; expiresAt?: Date };

const SECRET_PREVIEW_LENGTH = SECRET_KEY_PREFIX.length + 4;

/**
 * Creates a key and returns it with its plaintext, which is never shown again for a secret key:
 * only its hash and first characters are kept. A publishable key is public by design and stays
 * readable in the list.
 */
export async function createApiKey(db: Database, actor: Actor, data: CreateApiKeyData): Promise<{ apiKey: ApiKey; key: string }> {
  const key = data.kind === "secret" ? newId(SECRET_KEY_PREFIX.slice(0, -1)) : newId(PUBLISHABLE_KEY_PREFIX.slice(0, -1));
  const preview = data.kind === "secret" ? `${key.slice(0, SECRET_PREVIEW_LENGTH)}…` : key;
  return withTenant(db, actor.tenantId, async (tx) => {
    const [apiKey] = await tx
      .insert(apiKeys)
      .values({
        tenantId: actor.tenantId,
        name: data.name,
        kind: data.kind,
        role: data.kind === "secret" ? data.role : null,
        tokenHash: await hashToken(key),
        preview,
        createdBy: actor.kind === "user" ? actor.userId : null,
        expiresAt: data.expiresAt ?? null,
      })
      .returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "api_keys.create",
      entityType: "api_key",
      entityId: apiKey!.id,
      changes: { name: data.name, kind: data.kind, role: apiKey!.role, expiresAt: data.expiresAt?.toISOString() ?? null },
    });
    return { apiKey: apiKey!, key };
  });
}

export async function listApiKeys(db: Database, actor: Actor): Promise<ApiKey[]> {
  return withTenant(db, actor.tenantId, (tx) => tx.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)));
}

/** Revokes a key for good; it answers 401 from the next request. Revoking twice changes nothing. */
export async function revokeApiKey(db: Database, actor: Actor, keyId: string): Promise<ApiKey> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [apiKey] = await tx.select().from(apiKeys).where(eq(apiKeys.id, keyId));
    if (!apiKey) throw new NotFoundError("API key", keyId);
    if (apiKey.revokedAt) return apiKey;
    const [revoked] = await tx.update(apiKeys).set({ revokedAt: sql`now()` }).where(eq(apiKeys.id, keyId)).returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "api_keys.revoke", entityType: "api_key", entityId: keyId });
    return revoked!;
  });
}
