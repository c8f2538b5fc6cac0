import { sql } from "drizzle-orm";
import { boundArray } from "../../db/sql-arrays.ts";
import type { Transaction } from "../../platform/db.ts";
import type { Note } from "./plan-customers.ts";

/** Writes a batch's timeline entries in one statement, each by the import; undated ones happen now. */
export async function writeNotes(tx: Transaction, tenantId: string, who: { type: string; id: string }, notes: Note[]): Promise<void> {
  if (notes.length === 0) return;
  await tx.execute(sql`
    insert into interactions (tenant_id, customer_id, kind, occurred_at, summary, data, actor_type, actor_id)
    select ${tenantId}, n.customer_id, n.kind::interaction_kind, coalesce(n.occurred_at, now()), n.summary, n.data, ${who.type}, ${who.id}
      from unnest(${boundArray(notes.map((note) => note.customerId), "uuid")}, ${boundArray(notes.map((note) => note.kind), "text")},
                  ${boundArray(notes.map((note) => note.occurredAt ?? null), "timestamptz")}, ${boundArray(notes.map((note) => note.summary), "text")},
                  ${boundArray(notes.map((note) => JSON.stringify(note.data ?? {})), "jsonb")}) as n(customer_id, kind, occurred_at, summary, data)`);
}
