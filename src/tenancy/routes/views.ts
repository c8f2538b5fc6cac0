import type { z } from "@hono/zod-openapi";
import type { ApiKey as ApiKeyRow } from "../api-keys.ts";
import type { AuditRow } from "../audit-log.ts";
import { inviteStatus, type Invite as InviteRow } from "../invites.ts";
import type { Member as MemberRow } from "../members.ts";
import type { ApiKey, AuditEntry, Invite, Member } from "./schemas.ts";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function memberView(row: MemberRow): z.infer<typeof Member> {
  return { ...row, createdAt: row.createdAt.toISOString(), lastLoginAt: iso(row.lastLoginAt) };
}

export function inviteView(row: InviteRow): z.infer<typeof Invite> {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: inviteStatus(row),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

export function apiKeyView(row: ApiKeyRow): z.infer<typeof ApiKey> {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    role: row.role,
    preview: row.preview,
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

export function auditEntryView(row: AuditRow): z.infer<typeof AuditEntry> {
  return { ...row, id: String(row.id), at: row.at.toISOString() };
}
