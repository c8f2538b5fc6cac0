import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { customers, tenants } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { testDatabase } from "../harness/database.ts";
import { createTenant } from "../harness/tenants.ts";

const handle = testDatabase();
const { db } = handle;
afterAll(() => handle.close());

async function customersOf(tenantId: string) {
  return withTenant(db, tenantId, (tx) => tx.select().from(customers).orderBy(customers.id));
}

describe("row-level security under withTenant", () => {
  it("shows a handler without a WHERE clause only its own tenant's rows", async () => {
    const a = await createTenant(db);
    const b = await createTenant(db);
    const seen = await withTenant(db, a.id, (tx) => tx.select().from(customers));
    expect(seen.map((row) => row.id).sort()).toEqual([...a.customerIds].sort());
    expect(seen.every((row) => row.tenantId === a.id)).toBe(true);
    const seenTenants = await withTenant(db, a.id, (tx) => tx.select().from(tenants));
    expect(seenTenants.map((row) => row.id)).toEqual([a.id]);
    expect(b.customerIds).toHaveLength(3);
  });

  it("cannot read, update or delete another tenant's rows even when the WHERE clause names them", async () => {
    const a = await createTenant(db);
    const b = await createTenant(db);
    const before = await customersOf(b.id);

    const read = await withTenant(db, a.id, (tx) => tx.select().from(customers).where(eq(customers.tenantId, b.id)));
    const updated = await withTenant(db, a.id, (tx) =>
      tx.update(customers).set({ displayName: "stolen" }).where(eq(customers.tenantId, b.id)).returning(),
    );
    const updatedAll = await withTenant(db, a.id, (tx) => tx.update(customers).set({ country: "XX" }).returning());
    const deleted = await withTenant(db, a.id, (tx) =>
      tx.delete(customers).where(eq(customers.id, b.customerIds[0]!)).returning(),
    );

    expect(read).toEqual([]);
    expect(updated).toEqual([]);
    expect(updatedAll.every((row) => row.tenantId === a.id)).toBe(true);
    expect(deleted).toEqual([]);
    expect(await customersOf(b.id)).toEqual(before);
  });

  it("refuses to write a row into another tenant", async () => {
    const a = await createTenant(db);
    const b = await createTenant(db);
    const write = withTenant(db, a.id, (tx) =>
      tx.insert(customers).values({ tenantId: b.id, displayName: "planted" }),
    );
    const error = await write.then(() => undefined, (e: unknown) => e as { cause?: { message?: string } });
    expect(error?.cause?.message).toMatch(/row-level security/);
    expect(await customersOf(b.id)).toHaveLength(3);
  });

  it("sees nothing outside withTenant's role and setting", async () => {
    await createTenant(db);
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`set local role ckm_app`);
      return tx.select().from(customers);
    });
    expect(rows).toEqual([]);
  });

  it("runs as a role that is neither superuser nor exempt from row-level security", async () => {
    const a = await createTenant(db, 0);
    const role = await withTenant(db, a.id, (tx) =>
      tx.execute<{ rolsuper: boolean; rolbypassrls: boolean }>(
        sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      ),
    );
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });

  it("ends the tenant setting with the transaction", async () => {
    const a = await createTenant(db, 0);
    await withTenant(db, a.id, async () => {});
    const after = await db.execute<{ tenant: string | null }>(sql`select current_setting('app.tenant_id', true) as tenant`);
    expect(after.rows[0]?.tenant ?? "").toBe("");
  });
});
