import { sql } from "drizzle-orm";
import { customerPortrait, type ClusterTrait, type WeightedTag } from "../../analytics/index.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Database } from "../../platform/db.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { withTenant } from "../../platform/with-tenant.ts";
import type { Clustering } from "../stages/cluster.ts";
import { feedbackKeywords, type FeedbackSource } from "./feedback.ts";

/** Products shown per portrait, by the customer's spend on them. */
const TOP_PRODUCTS = 5;

export type CustomerPortrait = { customerId: string; runId: string | null; asOf: Date | null; tags: WeightedTag[] };

type LatestScore = {
  run_id: string;
  as_of: Date | string;
  segment: string;
  cluster: number | null;
  loyalty: string | null;
  p_alive: number | null;
  churn_risk: number | null;
  clustering: Clustering | null;
  percentile: number | null;
};

/**
 * One customer's portrait for a tag cloud: from the latest finished run that scored them, their
 * segment, value tier (percentile of predicted value in that run, or of spend when it has none),
 * cluster traits, loyalty type and activity; the products they spent most on; and the keywords of
 * their feedback. A customer no run has scored still gets products and keywords.
 */
export async function portraitOfCustomer(db: Database, actor: Actor, customerId: string, sources?: readonly FeedbackSource[]): Promise<CustomerPortrait> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const { rows: found } = await tx.execute(sql`select 1 from customers where id = ${customerId}`);
    if (found.length === 0) throw new NotFoundError("customer", customerId);
    const { rows: scores } = await tx.execute<LatestScore>(sql`
      with mine as (
        select s.run_id, r.as_of, s.segment, s.cluster, s.loyalty, s.p_alive, s.churn_risk, s.clv_minor, s.monetary_minor, r.model -> 'clustering' as clustering
          from customer_scores s join segmentation_runs r on r.id = s.run_id and r.status = 'done'
         where s.customer_id = ${customerId}
         order by r.finished_at desc limit 1
      )
      select m.run_id, m.as_of, m.segment, m.cluster, m.loyalty, m.p_alive, m.churn_risk, m.clustering,
             (select case when m.clv_minor is not null
                          then (count(*) filter (where o.clv_minor < m.clv_minor))::float8 / nullif(count(o.clv_minor), 0)
                          else (count(*) filter (where o.monetary_minor < m.monetary_minor))::float8 / count(*) end
                from customer_scores o where o.run_id = m.run_id) as percentile
        from mine m`);
    const { rows: products } = await tx.execute<{ title: string; spend: number }>(sql`
      select l.title, sum(l.quantity * l.unit_price_minor)::float8 as spend
        from orders o join order_lines l on l.order_id = o.id
       where o.customer_id = ${customerId} and o.status <> 'cancelled'
       group by l.title order by spend desc, l.title limit ${TOP_PRODUCTS}`);
    const keywords = await feedbackKeywords(tx, sql`select ${customerId}::uuid`, sources);
    const score = scores[0];
    const traits: ClusterTrait[] =
      score && score.cluster !== null && score.clustering?.status === "ok" ? (score.clustering.descriptions[score.cluster]?.traits ?? []) : [];
    const tags = customerPortrait({
      segment: score?.segment ?? null,
      clusterTraits: traits,
      valuePercentile: score?.percentile === null || score?.percentile === undefined ? null : Number(score.percentile),
      loyalty: score?.loyalty ?? null,
      pAlive: score?.p_alive ?? null,
      churnRisk: score?.churn_risk ?? null,
      products: products.map((row) => ({ label: row.title, count: Number(row.spend) })),
      keywords,
    });
    return { customerId, runId: score?.run_id ?? null, asOf: score ? new Date(score.as_of) : null, tags };
  });
}
