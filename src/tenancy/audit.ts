import { auditLog } from "../db/schema/index.ts";
import { actorId, type Actor, type RequestOrigin } from "../platform/actor.ts";
import type { Transaction } from "../platform/db.ts";
import { redact } from "./redact.ts";

/** Who did something, as the audit trail records it. */
export type AuditActor = {
  type: "user" | "secret_key" | "publishable_key";
  id: string;
  origin: RequestOrigin;
};

export type AuditEntry = {
  /** The operationId of the route that made the change, e.g. `members.update`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
  /** Fields of `changes` that are not personal despite their name, e.g. a tenant's `name`. */
  notPersonal?: readonly string[];
};

export function auditActorOf(actor: Actor): AuditActor {
  return { type: actor.kind, id: actorId(actor), origin: actor.origin };
}

/**
 * Appends one audit row inside the caller's transaction, so the record and the change commit
 * or vanish together. Personal values in `changes` are redacted.
 */
export async function recordAudit(tx: Transaction, tenantId: string, who: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId,
    actorType: who.type,
    actorId: who.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    ip: who.origin.ip,
    userAgent: who.origin.userAgent,
    changes: redact(entry.changes ?? {}, entry.notPersonal),
  });
}
