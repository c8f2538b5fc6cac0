import { sql } from "drizzle-orm";
import { idempotencyKeys, importMetCustomers, importProblems, interactions, refunds, segmentEvents, widgetRateLimits, widgetVisitors } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { withDatabase } from "./database.ts";
import { createFixture, insertIdentity, type Fixture } from "./fixture.ts";
import { tableHashes } from "./backup-contents.ts";

/**
 * The fixture tenant with rows in every backed-up table: the fixture fills most, this adds a
 * refund, an identity, a timeline entry, a segment event, an import's problems and met
 * customers, an identified widget visitor, a rate-limit window and a kept Idempotency-Key answer. Throws if a table is still empty, so a new table cannot slip through the round trip.
 */
export async function createFullTenant(): Promise<Fixture> {
  const fx = await createFixture();
  const [first, second] = fx.customerIds as [string, string];
  await insertIdentity(fx.tenantId, first);
  await withDatabase((db) =>
    withTenant(db, fx.tenantId, async (tx) => {
      await tx.insert(refunds).values({ tenantId: fx.tenantId, orderId: fx.orderId, customerId: first, amountMinor: 250, reason: "chipped", refundedAt: new Date() });
      await tx.insert(interactions).values({ tenantId: fx.tenantId, customerId: second, kind: "note", summary: "Called about the teapot", data: { channel: "phone", tags: ["ä", "中"] } });
      await tx.insert(segmentEvents).values({ tenantId: fx.tenantId, runId: fx.runId, customerId: first, kind: "segment.downgraded", fromSegment: "Loyal", toSegment: "At risk" });
      await tx.insert(importProblems).values({ tenantId: fx.tenantId, importId: fx.importId, line: 2, column: "Email", problem: "is not an email address" });
      await tx.insert(importMetCustomers).values({ tenantId: fx.tenantId, importId: fx.importId, customerId: second });
      await tx.insert(widgetVisitors).values({ tenantId: fx.tenantId, visitorId: "visitor-full-tenant", customerId: first });
      await tx.insert(widgetRateLimits).values({ tenantId: fx.tenantId, key: "visitor:visitor-full-tenant", windowStart: new Date("2026-11-23T10:00:00Z"), hits: 3 });
      await tx.insert(idempotencyKeys).values({ tenantId: fx.tenantId, key: "full-tenant-key", fingerprint: "f".repeat(64), status: 201, contentType: "application/json", body: "{}", expiresAt: new Date(Date.now() + 86_400_000) });
      await tx.execute(sql`update customers set tags = array['vip', 'o''brien'], attributes = '{"n": 1.5, "when": "2026-01-02"}', birthday = '1990-02-28' where id = ${first}`);
    }),
  );
  const empty = Object.entries(await tableHashes(fx.tenantId)).filter(([, table]) => table.rows === 0).map(([name]) => name);
  if (empty.length) throw new Error(`tables without rows: ${empty.join(", ")}`);
  return fx;
}
