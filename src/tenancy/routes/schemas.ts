import { z } from "@hono/zod-openapi";
import { KEY_ROLES, ROLES } from "../../platform/roles.ts";
import { LANGUAGES } from "../members.ts";
import { MAX_PASSWORD_LENGTH, passwordProblems } from "../password-policy.ts";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an email address" }).max(254))
  .openapi({ example: "ada@example.com" });

export const Name = z.string().trim().min(1).max(200);

/** A new password; the policy (length, common passwords, not the email) is checked with the email. */
export const NewPassword = z.string().max(MAX_PASSWORD_LENGTH * 4).openapi({ minLength: 12, example: "correct horse battery staple" });

/** Adds the password policy's problems as issues on `password`; the email, when known, is checked against it too. */
export function checkPasswordPolicy(value: { password: string; email?: string }, ctx: z.RefinementCtx): void {
  for (const message of passwordProblems(value.password, { email: value.email })) {
    ctx.addIssue({ code: "custom", path: ["password"], message });
  }
}

export const RoleSchema = z.enum(ROLES).openapi("Role");
export const LanguageSchema = z.enum(LANGUAGES).openapi("Language", { description: "A language the dashboard is translated into." });
export const KeyRole = z.enum(KEY_ROLES);

export const Uuid = (name: string) =>
  z.uuid({ error: "must be a UUID" }).openapi({ param: { name, in: "path" }, example: "0e7d3f52-5f0c-4c5e-9d43-3d8f0c2b9a11" });

export const Timestamp = z.iso.datetime({ offset: true });

export const Tokens = z
  .object({
    tokenType: z.literal("Bearer"),
    accessToken: z.string(),
    accessTokenExpiresAt: Timestamp,
    refreshToken: z.string(),
    refreshTokenExpiresAt: Timestamp,
  })
  .openapi("Tokens");

export const Member = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    language: LanguageSchema.nullable().openapi({ description: "The member's dashboard language; null: follow the browser." }),
    createdAt: Timestamp,
    lastLoginAt: Timestamp.nullable(),
  })
  .openapi("Member");

export const Invite = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: RoleSchema,
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
    invitedBy: z.uuid().nullable(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  })
  .openapi("Invite");

export const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(["secret", "publishable"]),
    role: RoleSchema.nullable(),
    preview: z.string().openapi({ description: "The first characters of a secret key, or a whole publishable key." }),
    createdAt: Timestamp,
    expiresAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
  })
  .openapi("ApiKey");

/** How many daily, weekly and monthly backups the nightly retention keeps (at least one daily). */
export const BackupRetention = z
  .object({ daily: z.number().int().min(1).max(366), weekly: z.number().int().min(0).max(520), monthly: z.number().int().min(0).max(1200) })
  .strict()
  .openapi({ description: "Backups kept: the newest of each of the last `daily` days, `weekly` ISO weeks and `monthly` months.", example: { daily: 7, weekly: 4, monthly: 12 } });

export const Settings = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    timezone: z.string().openapi({ example: "Europe/London" }),
    currency: z.string().openapi({ example: "GBP" }),
    locale: z.string().openapi({ example: "en-GB", description: "BCP 47 locale dates, numbers and amounts are formatted in." }),
    defaultCountry: z.string().nullable().openapi({ example: "GB", description: "ISO 3166 country assumed for national phone numbers." }),
    allowedOrigins: z.array(z.string()).openapi({ example: ["https://shop.example.com"] }),
    webhookRetentionDays: z.number().int(),
    backupRetention: BackupRetention,
    globalRecontactDays: z.number().int().nullable().openapi({ description: "After showing any survey, the widget shows no other to that visitor for this many days; null (the default) turns the rule off." }),
  })
  .openapi("Settings");

/** Who is logged in and their tenant: GET and PATCH /v1/me answer with it. */
export const Me = z.object({ user: Member, tenant: Settings }).openapi("Me");

export const AuditEntry = z
  .object({
    id: z.string().openapi({ description: "Increasing; a string so it never loses precision in JavaScript." }),
    at: Timestamp,
    actorType: z.string(),
    actorId: z.string().nullable(),
    action: z.string().openapi({ example: "members.update" }),
    entityType: z.string(),
    entityId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    changes: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
