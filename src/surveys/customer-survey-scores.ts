import { sql, type SQL } from "drizzle-orm";
import type { Transaction } from "../platform/db.ts";

/** A customer's latest NPS (0-10) and CSAT (1-5) answers; null for a kind they never gave. */
export type CustomerSurveyScores = { nps: number | null; csat: number | null };

/**
 * The latest NPS and the latest CSAT answer of each of these customers (a subquery of customer
 * ids), from completed responses up to `asOf`: the attitude half of their loyalty type. Questions
 * are recognised by their type in the version answered, whatever their id; the two kinds are
 * taken separately, each from the newest completed response that has one (ties: the first such
 * question). Customers who gave neither are absent from the map. One statement for the whole list.
 */
export async function latestSurveyScores(tx: Transaction, customerIds: SQL, asOf: Date): Promise<Map<string, CustomerSurveyScores>> {
  const { rows } = await tx.execute<{ customer_id: string; nps: string | number | null; csat: string | number | null }>(sql`
    select customer_id, max(value) filter (where kind = 'nps') as nps, max(value) filter (where kind = 'csat') as csat
      from (
        select distinct on (r.customer_id, q.question ->> 'type')
               r.customer_id, q.question ->> 'type' as kind, (r.answers ->> (q.question ->> 'id'))::numeric as value
          from survey_responses r
          join survey_versions v on v.tenant_id = r.tenant_id and v.survey_id = r.survey_id and v.version = r.version
         cross join lateral jsonb_array_elements(v.definition -> 'questions') with ordinality as q(question, position)
         where r.customer_id in (${customerIds})
           and r.status = 'complete' and r.completed_at <= ${asOf}
           and q.question ->> 'type' in ('nps', 'csat')
           and jsonb_typeof(r.answers -> (q.question ->> 'id')) = 'number'
         order by r.customer_id, q.question ->> 'type', r.completed_at desc, r.id, q.position
      ) latest
     group by customer_id`);
  const score = (value: string | number | null) => (value === null ? null : Number(value));
  return new Map(rows.map((row) => [row.customer_id, { nps: score(row.nps), csat: score(row.csat) }]));
}
