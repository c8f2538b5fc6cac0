import { z } from "zod";
import { ConfigurationError } from "./platform/errors.ts";
import type { JobMessage } from "./jobs/messages.ts";
import { BackupKeyRing } from "./backups/keys.ts";

/** Bindings declared in wrangler.toml; their presence is checked by the runtime, not here. */
export type Bindings = {
  DATABASE_URL?: string;
  DB_LOCAL_PROXY?: string;
  LOG_LEVEL?: string;
  AUTH_SIGNING_KEYS?: string;
  BACKUP_KEYS?: string;
  JOBS: Queue<JobMessage>;
  BACKUPS: R2Bucket;
  /** Uploaded import files, kept while their import runs. */
  IMPORTS: R2Bucket;
  ASSETS: Fetcher;
};

const postgresUrl = z
  .string({ error: "is not set" })
  .refine(isPostgresUrl, { error: "must be a postgres:// connection string" });

function isPostgresUrl(value: string): boolean {
  try {
    return /^postgres(ql)?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const EnvSchema = z.object({
  DATABASE_URL: postgresUrl,
  DB_LOCAL_PROXY: z
    .string()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, { error: "must be host:port of the local database bridge" })
    .optional(),
  /** JSON array of private ES256 JWKs; the first signs, all verify (see README, key rotation). */
  AUTH_SIGNING_KEYS: z.string({ error: "is not set" }).min(1, { error: "is empty" }),
  /**
   * JSON `{ currentKeyId, keys: { id: base64 } }`: master secrets of backup encryption (see README,
   * backups). Checked when set; when missing, only backup work fails (see backupKeys).
   */
  BACKUP_KEYS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(BackupKeyRing)
    .optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

const parsed = new WeakMap<object, Env>();

/**
 * Parses the Worker's variables and secrets once per environment object. A missing or malformed
 * value throws a ConfigurationError naming the variable, never its value.
 */
export function parseEnv(bindings: Bindings): Env {
  const cached = parsed.get(bindings);
  if (cached) return cached;
  const result = EnvSchema.safeParse(bindings);
  if (!result.success) {
    throw new ConfigurationError(
      result.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })),
    );
  }
  parsed.set(bindings, result.data);
  return result.data;
}

/** The backup key ring; backups, verification and restores cannot run without it. */
export function backupKeys(env: Env): BackupKeyRing {
  if (!env.BACKUP_KEYS) throw new ConfigurationError([{ variable: "BACKUP_KEYS", message: "is not set" }]);
  return env.BACKUP_KEYS;
}
