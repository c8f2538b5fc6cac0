import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/db/schema/index.ts";
import { PERMISSIONS, type Permission } from "../../src/platform/permissions.ts";
import type { Credential } from "../../src/platform/roles.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { createFixture, type Caller, type Fixture } from "../harness/fixture.ts";
import { documentedOperations, pathOf, type Operation } from "../harness/openapi.ts";
import { SAMPLES } from "../harness/route-samples.ts";

const MUTATING = new Set(["post", "put", "patch", "delete"]);

/**
 * Mutations whose own log is their record: each webhook delivery is a row of the delivery log,
 * each survey response and visitor link a row of its own, written by a visitor, not staff.
 */
const LOGGED_ELSEWHERE = new Set(["hooks.receive", "widget.responses.save", "widget.identify"]);

async function auditRows(action: string): Promise<number> {
  return withDatabase(async (db) => {
    const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`);
    return result.rows[0]?.n ?? 0;
  });
}

/** A caller the permission table admits for the operation: the owner, the widget's key, or nobody for public routes. */
function allowedCaller(operation: Operation, fixture: Fixture): Caller {
  const permission: Permission = PERMISSIONS[operation.operationId];
  if (permission.public) return fixture.callers.find((caller) => caller.kind === "none")!;
  if (!permission.credentials.includes("user")) return fixture.callers.find((caller) => permission.credentials.includes(caller.kind as Credential))!;
  return fixture.callers[0]!;
}

describe("the audit trail, walked over every mutating route", () => {
  let fixture: Fixture;
  let operations: Operation[];
  beforeAll(async () => {
    fixture = await createFixture();
    operations = (await documentedOperations()).filter((operation) => MUTATING.has(operation.method));
  });

  it("gains a row named for the operation with every successful mutation", async () => {
    const missing: string[] = [];
    for (const operation of operations) {
      const sample = await SAMPLES[operation.operationId](fixture);
      const caller = allowedCaller(operation, fixture);
      const before = await auditRows(operation.operationId);
      const res = await call(operation.method, pathOf(operation, sample.params, sample.query), {
        token: caller.token,
        body: sample.body,
        raw: sample.raw,
        headers: { ...sample.headers, ...caller.headers },
      });
      expect(res.status, `${operation.operationId}: ${await res.text()}`).toBe(operation.successStatus);
      if (!LOGGED_ELSEWHERE.has(operation.operationId) && (await auditRows(operation.operationId)) !== before + 1) missing.push(operation.operationId);
    }
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(10);
  });

  it("records who, from where, and the change with personal data redacted", async () => {
    const email = `audit-${crypto.randomUUID()}@example.com`;
    const res = await call("POST", "/v1/invites", {
      token: fixture.owner.tokens.accessToken,
      body: { email, role: "analyst" },
      headers: { "cf-connecting-ip": "203.0.113.9", "user-agent": "audit-test/1.0" },
    });
    const { invite } = await res.json<{ invite: { id: string } }>();
    const [row] = await withDatabase((db) =>
      withTenant(db, fixture.tenantId, (tx) =>
        tx.select().from(auditLog).where(and(eq(auditLog.action, "invites.create"), eq(auditLog.entityId, invite.id))),
      ),
    );
    expect(row).toMatchObject({
      actorType: "user",
      actorId: fixture.owner.userId,
      entityType: "invite",
      ip: "203.0.113.9",
      userAgent: "audit-test/1.0",
      changes: { email: "[redacted]", role: "analyst" },
    });
    expect(JSON.stringify(row)).not.toContain(email);
  });

  it("cannot be changed or deleted by the application role", async () => {
    for (const statement of [sql`update audit_log set action = 'forged'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      const error = await withDatabase((db) => withTenant(db, fixture.tenantId, (tx) => tx.execute(statement))).then(
        () => undefined,
        (e: unknown) => e as { cause?: { message?: string } },
      );
      expect(error?.cause?.message).toMatch(/permission denied/);
    }
    expect(await auditRows("auth.signup")).toBeGreaterThan(0);
  });

  it("is written in the same transaction as the change: a rejected change leaves no row", async () => {
    const before = await auditRows("members.update");
    const owner = fixture.owner;
    const res = await call("PATCH", `/v1/members/${owner.userId}`, { token: owner.tokens.accessToken, body: { role: "viewer" } });
    expect(res.status).toBe(409);
    expect(await auditRows("members.update")).toBe(before);
  });
});
