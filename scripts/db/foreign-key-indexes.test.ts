import { expect, it } from "vitest";
import { migratedDatabase } from "./migrated-database.ts";

const database = migratedDatabase();

// Deleting a customer (erasure, a merge) cascades or nulls every row that refers to it; without an
// index led by the reference's columns each deletion reads the whole referring table.
it("backs every reference to a customer with an index led by its columns", async () => {
  const { rows } = await database().query<{ constraint: string; indexed: boolean }>(`
    select c.conname as constraint,
           exists (select 1 from pg_index i
                    where i.indrelid = c.conrelid
                      and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
                      and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey) as indexed
      from pg_constraint c
     where c.contype = 'f' and c.confrelid = 'customers'::regclass
     order by 1`);
  expect(rows.length).toBeGreaterThanOrEqual(7);
  expect(rows.filter((row) => !row.indexed).map((row) => row.constraint)).toEqual([]);
});
