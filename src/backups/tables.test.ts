import { describe, expect, it } from "vitest";
import { backedUpTables } from "./tables.ts";

describe("the tables a backup holds", () => {
  const tables = backedUpTables();
  const position = (name: string) => tables.findIndex((table) => table.name === name);

  it("starts with the tenant, leaves out the backups' own records, and keys every table", () => {
    expect(tables[0]!.name).toBe("tenants");
    expect(position("backups")).toBe(-1);
    for (const table of tables) expect(table.primaryKey.length, table.name).toBeGreaterThan(0);
    for (const name of ["customers", "orders", "order_lines", "audit_log", "users", "segment_events"]) expect(position(name), name).toBeGreaterThan(0);
  });

  it("puts every table after the tables it references", () => {
    for (const table of tables) {
      for (const referenced of table.references) expect(position(referenced), `${table.name} -> ${referenced}`).toBeLessThan(position(table.name));
    }
    expect(position("orders")).toBeGreaterThan(position("customers"));
    expect(position("order_lines")).toBeGreaterThan(position("orders"));
  });
});
