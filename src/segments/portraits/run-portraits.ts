import { eq, sql } from "drizzle-orm";
import { groupPortrait, VALUE_TIERS, type ClusterDescription, type Count, type TagKind, type WeightedTag } from "../../analytics/index.ts";
import { segmentationRuns } from "../../db/schema/index.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Database } from "../../platform/db.ts";
import { ConflictError, NotFoundError } from "../../platform/errors.ts";
import { withTenant } from "../../platform/with-tenant.ts";
import type { Clustering } from "../stages/cluster.ts";
import { feedbackKeywords, type FeedbackSource } from "./feedback.ts";

export const PORTRAIT_GROUPINGS = ["segment", "cluster"] as const;
export type PortraitGrouping = (typeof PORTRAIT_GROUPINGS)[number];

export type GroupPortrait = { key: string; label: string; customers: number; share: number; tags: WeightedTag[] };

/** Members per group whose orders and feedback are read: a deterministic sample, so the work is bounded. */
const SAMPLE = 2_000;
/** A loyalty type not yet known: it counts toward the mix's whole but is no tag. */
const UNKNOWN = "unknown";
const TOP_PRODUCTS = 5;

/** The group column, from a fixed choice, never from input text. */
const KEY = { segment: sql`segment`, cluster: sql`cluster::text` } as const;

/** A customer's value tier from the percentile of predicted value (spend where there is none), thresholds from VALUE_TIERS. */
const TIER = sql.join([sql`case`, ...VALUE_TIERS.map((tier) => sql`when pr >= ${tier.min}::float8 then ${tier.tag}::text`), sql`end`], sql` `);

type MixRow = { key: string; kind: "segment" | "cluster" | "loyalty" | "value"; label: string | null; n: number };

function clusterLabel(descriptions: ClusterDescription[], cluster: string | null): string | null {
  if (cluster === null) return null;
  return descriptions[Number(cluster)]?.label ?? `cluster ${cluster}`;
}

/**
 * Portraits of a finished run's groups (RFM segments or clusters) for tag clouds: each group's
 * name (a cluster's description), a cluster's traits, how its members divide by segment or
 * cluster, value tier and loyalty type, the products its members spend most on, and the
 * keywords of their feedback. Products and feedback come from a deterministic sample of each
 * group's members; counts and mixes from all of them.
 */
export async function runPortraits(db: Database, actor: Actor, runId: string, by: PortraitGrouping, sources?: readonly FeedbackSource[]): Promise<GroupPortrait[]> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [run] = await tx.select().from(segmentationRuns).where(eq(segmentationRuns.id, runId));
    if (!run) throw new NotFoundError("segmentation run", runId);
    if (run.status !== "done") throw new ConflictError(`Run ${runId} is ${run.status}; portraits come from finished runs.`);
    const clustering = (run.model as { clustering?: Clustering }).clustering;
    const descriptions = clustering?.status === "ok" ? clustering.descriptions : [];
    const key = KEY[by];
    const { rows: mixes } = await tx.execute<MixRow>(sql`
      with scored as (
        select ${key} as key, segment, cluster::text as cluster, coalesce(loyalty, 'unknown') as loyalty,
               percent_rank() over (order by coalesce(clv_minor, monetary_minor)) as pr
          from customer_scores where run_id = ${runId}
      ), tiered as (select *, ${TIER} as tier from scored where key is not null)
      select key, 'segment' as kind, segment as label, count(*)::int as n from tiered group by 1, 3
      union all select key, 'cluster', cluster, count(*)::int from tiered group by 1, 3
      union all select key, 'loyalty', loyalty, count(*)::int from tiered group by 1, 3
      union all select key, 'value', tier, count(*)::int from tiered group by 1, 3`);
    const { rows: products } = await tx.execute<{ key: string; title: string; spend: number }>(sql`
      with members as (
        select customer_id, ${key} as key, row_number() over (partition by ${key} order by hashtext(customer_id::text), customer_id) as n
          from customer_scores where run_id = ${runId}
      ), spent as (
        select m.key, l.title, sum(l.quantity * l.unit_price_minor)::float8 as spend
          from members m join orders o on o.customer_id = m.customer_id and o.status <> 'cancelled' and o.ordered_at <= ${run.asOf}
          join order_lines l on l.order_id = o.id
         where m.n <= ${SAMPLE} and m.key is not null
         group by 1, 2
      ), ranked as (select *, row_number() over (partition by key order by spend desc, title) as place from spent)
      select key, title, spend from ranked where place <= ${TOP_PRODUCTS}`);
    const total = run.customers || mixes.filter((row) => row.kind === "segment").reduce((sum, row) => sum + Number(row.n), 0);
    const groups = new Map<string, { mixes: Map<string, Count[]>; products: Count[]; customers: number }>();
    for (const row of mixes) {
      const group = groups.get(row.key) ?? { mixes: new Map(), products: [], customers: 0 };
      groups.set(row.key, group);
      if (row.kind === "segment") group.customers += Number(row.n);
      if (row.kind === by || row.label === null) continue;
      const label = row.kind === "cluster" ? clusterLabel(descriptions, row.label)! : row.kind === "loyalty" && row.label !== UNKNOWN ? `${row.label} loyalty` : row.label;
      group.mixes.set(row.kind, [...(group.mixes.get(row.kind) ?? []), { label, count: Number(row.n) }]);
    }
    for (const row of products) groups.get(row.key)?.products.push({ label: row.title, count: Number(row.spend) });
    const portraits: GroupPortrait[] = [];
    for (const [groupKey, group] of groups) {
      const label = by === "cluster" ? clusterLabel(descriptions, groupKey)! : groupKey;
      const members = sql`select customer_id from customer_scores where run_id = ${runId} and ${key} = ${groupKey} order by hashtext(customer_id::text), customer_id limit ${SAMPLE}`;
      const tags = groupPortrait({
        label: { kind: by as TagKind, tag: label },
        traits: by === "cluster" ? (descriptions[Number(groupKey)]?.traits ?? []) : [],
        mixes: [...group.mixes].map(([kind, counts]) => ({ kind: kind as TagKind, counts, silent: [UNKNOWN] })),
        products: group.products,
        keywords: await feedbackKeywords(tx, members, sources),
      });
      portraits.push({ key: groupKey, label, customers: group.customers, share: total ? Math.round((group.customers / total) * 10_000) / 10_000 : 0, tags });
    }
    return portraits.sort((a, b) => b.customers - a.customers || a.key.localeCompare(b.key));
  });
}
