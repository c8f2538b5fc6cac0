import { and, eq, sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { idempotencyKeys } from "../db/schema/idempotency-keys.ts";
import { currentActor } from "./actor.ts";
import type { AppEnv } from "./context.ts";
import { describeError } from "./error-text.ts";
import { BadRequestError, InProgressError, UnprocessableError } from "./errors.ts";
import { asUnavailable } from "./unavailable.ts";
import { withTenant } from "./with-tenant.ts";

const KEY = /^[\x21-\x7e]{1,255}$/;
/** A key claimed this long ago without an answer belongs to a request that died; it may be claimed again. */
const ABANDONED_AFTER_SECONDS = 60;
const KEPT_FOR_HOURS = 24;

async function fingerprintOf(operationId: string, path: string, body: ArrayBuffer): Promise<string> {
  const head = new TextEncoder().encode(`${operationId}\n${path}\n`);
  const bytes = new Uint8Array(head.length + body.byteLength);
  bytes.set(head);
  bytes.set(new Uint8Array(body), head.length);
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * `Idempotency-Key` on a creating POST: the first request with a key runs and its answer is kept
 * for a day; the same key with the same request gets that answer again (`Idempotent-Replayed:
 * true`) without running twice; with a different request it is refused (422); while the first is
 * still running, 409. A 5xx answer is not kept, so the client's retry runs for real.
 */
export function idempotent(operationId: string): MiddlewareHandler<AppEnv> {
  return async function idempotent(c, next) {
    const key = c.req.header("idempotency-key");
    if (key === undefined) return next();
    if (!KEY.test(key)) {
      throw new BadRequestError("The Idempotency-Key header must be 1 to 255 visible ASCII characters.", [
        { path: "Idempotency-Key", message: "1 to 255 visible ASCII characters, such as a UUID" },
      ]);
    }
    const { tenantId } = currentActor(c);
    const fingerprint = await fingerprintOf(operationId, c.req.path, await c.req.raw.clone().arrayBuffer());
    const db = c.get("services").db();
    const kept = await withTenant(db, tenantId, async (tx) => {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ tenantId, key, fingerprint, expiresAt: sql`now() + make_interval(hours => ${KEPT_FOR_HOURS})` })
        .onConflictDoUpdate({
          target: [idempotencyKeys.tenantId, idempotencyKeys.key],
          set: { fingerprint, status: null, contentType: null, location: null, body: null, createdAt: sql`now()`, expiresAt: sql`excluded.expires_at` },
          setWhere: sql`${idempotencyKeys.expiresAt} < now()
            or (${idempotencyKeys.status} is null and ${idempotencyKeys.createdAt} < now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS}))`,
        })
        .returning({ key: idempotencyKeys.key });
      if (claimed.length) return undefined;
      const [row] = await tx.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
      return row;
    });
    if (kept) {
      if (kept.status === null) throw new InProgressError("A request with this Idempotency-Key is still running; retry in a few seconds.", 2);
      if (kept.fingerprint !== fingerprint) throw new UnprocessableError("This Idempotency-Key was already used with a different request; use a new key for a new request.");
      const headers: Record<string, string> = { "content-type": kept.contentType ?? "application/json", "idempotent-replayed": "true" };
      if (kept.location) headers.location = kept.location;
      return c.body(kept.body ?? "", kept.status as 200, headers);
    }

    await next();

    const res = c.res;
    const keep = () =>
      withTenant(db, tenantId, async (tx) => {
        const where = and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key));
        if (res.status >= 500) return void (await tx.delete(idempotencyKeys).where(where));
        await tx
          .update(idempotencyKeys)
          .set({ status: res.status, contentType: res.headers.get("content-type"), location: res.headers.get("location"), body: await res.clone().text() })
          .where(where);
      });
    try {
      await keep();
    } catch (error) {
      if (!asUnavailable(error)) throw error;
      // The work is done (or refused); a connection dropped now must not turn its answer into an
      // error the client would retry. One more try on a new connection; failing that, the claim
      // lapses after ABANDONED_AFTER_SECONDS and a retry until then is told to wait.
      await keep().catch((again: unknown) => c.get("log")?.warn("idempotency answer not kept", { error: describeError(again) }));
    }
  };
}
