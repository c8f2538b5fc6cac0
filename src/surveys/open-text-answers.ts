import { sql, type SQL } from "drizzle-orm";
import type { Transaction } from "../platform/db.ts";

/**
 * What these customers typed into surveys (open-text answers and "other" choices), newest
 * first, with the language they answered in: the feedback part of their portraits.
 */
export async function openTextAnswers(tx: Transaction, customerIds: SQL, limit: number): Promise<Array<{ text: string; language: string }>> {
  if (limit <= 0) return [];
  const { rows } = await tx.execute<{ text: string; language: string }>(sql`
    select case when jsonb_typeof(a.value) = 'string' then a.value #>> '{}' else a.value ->> 'other' end as text, r.language
      from survey_responses r
      cross join lateral jsonb_each(r.answers) a
     where r.customer_id in (${customerIds})
       and (jsonb_typeof(a.value) = 'string' or (jsonb_typeof(a.value) = 'object' and a.value ? 'other'))
     order by r.started_at desc
     limit ${limit}`);
  return rows.filter((row) => row.text);
}
