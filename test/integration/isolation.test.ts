import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "../../src/platform/permissions.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { createFixture, type Caller, type Fixture } from "../harness/fixture.ts";
import { documentedOperations, pathOf, type Operation } from "../harness/openapi.ts";
import { SAMPLES } from "../harness/route-samples.ts";

/** Tenant A's id for each kind of path parameter; a new parameter name needs an entry here. */
function idsOf(a: Fixture): Record<string, string> {
  return {
    memberId: a.members.analyst.userId,
    inviteId: a.inviteId,
    apiKeyId: a.keys.viewer.id,
    customerId: a.customerIds[0]!,
    key: a.attributeKey,
    orderId: a.orderId,
    mergeId: a.mergeId,
    importId: a.importId,
    integrationId: a.integrationId,
    deliveryId: a.deliveryId,
    runId: a.runId,
    backupId: a.backupId,
    segmentId: a.segmentId,
    surveyId: a.surveyId,
    responseId: a.responseId,
  };
}

/** Every identifier and email of tenant A that must never appear in tenant B's answers. */
function secretsOf(a: Fixture): string[] {
  return [
    a.tenantId,
    a.owner.userId,
    a.owner.email,
    ...Object.values(a.members).flatMap((member) => [member.userId, member.email]),
    ...Object.values(a.keys).map((key) => key.id),
    a.inviteId,
    ...a.customerIds,
    a.attributeKey,
    a.orderId,
    a.mergeId,
    a.importId,
    a.backupId,
    a.integrationId,
    a.integrationSecret,
    a.deliveryId,
    a.runId,
    a.segmentId,
    a.surveyId,
    a.responseId,
    a.identitySecret,
  ];
}

/** B's strongest caller of each credential kind the route admits. */
function strongestCallers(operation: Operation, b: Fixture): Caller[] {
  const permission: Permission = PERMISSIONS[operation.operationId];
  if (permission.public) return [];
  return permission.credentials.flatMap((kind) => {
    const caller = b.callers.find(
      (candidate) => candidate.kind === kind && (kind === "publishable_key" || permission.roles.includes(candidate.role!)),
    );
    return caller ? [caller] : [];
  });
}

async function rowsOfTenant(tenantId: string): Promise<string> {
  return withDatabase(async (db) => {
    const tables = await db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.columns
           where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
    );
    const digests: string[] = [];
    for (const { table_name } of tables.rows) {
      const digest = await db.execute<{ digest: string | null }>(
        sql`select md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.identifier(table_name)} t
             where tenant_id = ${tenantId}`,
      );
      digests.push(`${table_name}:${digest.rows[0]?.digest}`);
    }
    const tenant = await db.execute<{ digest: string }>(sql`select md5(t::text) as digest from tenants t where id = ${tenantId}`);
    return [...digests, `tenants:${tenant.rows[0]?.digest}`].join("\n");
  });
}

describe("tenant isolation, walked over every documented route", () => {
  let a: Fixture;
  let b: Fixture;
  let operations: Operation[];
  beforeAll(async () => {
    a = await createFixture();
    b = await createFixture();
    operations = await documentedOperations();
  });

  it("answers tenant B's callers 404 for tenant A's ids, never A's data, and leaves A untouched", async () => {
    const before = await rowsOfTenant(a.tenantId);
    const leaks: string[] = [];
    let probes = 0;
    for (const operation of operations) {
      for (const caller of strongestCallers(operation, b)) {
        const sample = await SAMPLES[operation.operationId](b);
        const params = operation.params.length ? idsOf(a) : sample.params;
        const res = await call(operation.method, pathOf(operation, params, sample.query), {
          token: caller.token,
          body: sample.body,
          raw: sample.raw,
          headers: { ...sample.headers, ...caller.headers },
        });
        const text = await res.text();
        const label = `${operation.method.toUpperCase()} ${operation.path} as B's ${caller.name}`;
        if (operation.params.length && res.status !== 404) leaks.push(`${label}: ${res.status}, expected 404`);
        // A 404 may name the id the caller sent; anything else of A's is a leak.
        const sent = new Set(Object.values(params ?? {}));
        const seen = secretsOf(a).filter((secret) => !sent.has(secret) && text.includes(secret));
        if (seen.length) leaks.push(`${label}: answer contains A's ${seen.join(", ")}`);
        probes++;
      }
    }
    expect(leaks).toEqual([]);
    const protectedRoutes = operations.filter((operation) => !(PERMISSIONS[operation.operationId] as Permission).public);
    expect(probes).toBeGreaterThan(protectedRoutes.length);
    expect(await rowsOfTenant(a.tenantId)).toBe(before);
  });

  it("has row-level security enabled, forced and scoped by a policy on every table with a tenant_id", async () => {
    const tables = await withDatabase((db) =>
      db.execute<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
        sql`select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                   (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policies
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind = 'r'
               and (exists (select 1 from information_schema.columns col
                             where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'tenant_id')
                    or c.relname = 'tenants')
             order by c.relname`,
      ),
    );
    expect(tables.rows.length).toBeGreaterThanOrEqual(8);
    for (const row of tables.rows) expect(row, row.table).toMatchObject({ enabled: true, forced: true, policies: 1 });
  });
});
