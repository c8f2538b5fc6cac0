import { useMemo, useState } from "react";
import { Chart } from "../../charts/chart.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";
import { DataTable } from "../../ui/data-table.tsx";
import { Card } from "../../ui/page.tsx";
import { CorrelationView } from "./correlation-view.tsx";
import { loyaltyLabel } from "./labels.ts";
import { modelOf, type Run, type Score } from "./run-model.ts";
import { WithScores } from "./with-scores.tsx";

/** Attitude (rows) x behaviour (columns), each cell with the types it holds; inertia and incentive share a cell. */
const QUADRANT: { attitude: 0 | 1; behaviour: 0 | 1; types: string[] }[] = [
  { attitude: 1, behaviour: 1, types: ["super-value"] },
  { attitude: 0, behaviour: 1, types: ["inertia", "incentive"] },
  { attitude: 1, behaviour: 0, types: ["latent"] },
  { attitude: 0, behaviour: 0, types: ["price"] },
];

function LoyaltyQuadrant({ scores }: { scores: Score[] }) {
  const t = useT();
  const f = useFormat();
  const chart = useMemo(() => {
    const counts = new Map<string, number>();
    for (const score of scores) counts.set(score.loyalty ?? "unknown", (counts.get(score.loyalty ?? "unknown") ?? 0) + 1);
    const cells = QUADRANT.map((cell) => ({ ...cell, customers: cell.types.reduce((sum, type) => sum + (counts.get(type) ?? 0), 0) }));
    const levels = [t("analytics.loyalty.low"), t("analytics.loyalty.high")];
    const names = (types: string[]) => types.map((type) => loyaltyLabel(t, type)).join(" / ");
    return {
      unknown: counts.get("unknown") ?? 0,
      option: {
        grid: { left: 90, right: 20, top: 10, bottom: 50 },
        xAxis: { type: "category", data: levels, name: t("analytics.loyalty.behaviour"), nameLocation: "middle", nameGap: 30 },
        yAxis: { type: "category", data: levels, name: t("analytics.loyalty.attitude"), nameLocation: "middle", nameGap: 60 },
        visualMap: { min: 0, max: Math.max(1, ...cells.map((c) => c.customers)), dimension: 2, show: false, inRange: { color: ["#f3f0fa", "#6a1b9a"] } },
        series: [
          {
            type: "heatmap",
            data: cells.map((cell) => [cell.behaviour, cell.attitude, cell.customers, names(cell.types)]),
            label: { show: true, formatter: (p: { value: [number, number, number, string] }) => `${p.value[3]}\n${f.integer(p.value[2])}`, fontSize: 13 },
          },
        ],
      },
      table: [
        [t("analytics.loyalty.type"), t("analytics.loyalty.attitude"), t("analytics.loyalty.behaviour"), t("analytics.loyalty.customers")],
        ...cells.flatMap((cell) => cell.types.map((type) => [loyaltyLabel(t, type), levels[cell.attitude]!, levels[cell.behaviour]!, counts.get(type) ?? 0])),
        [loyaltyLabel(t, "unknown"), "—", "—", counts.get("unknown") ?? 0],
      ],
    };
  }, [scores, t, f]);
  return (
    <>
      <Chart title={t("analytics.loyalty.title")} description={t("analytics.loyalty.description")} option={chart.option} table={chart.table} fileName="loyalty-quadrant" height={340} />
      {chart.unknown > 0 && <p className="muted small">{t("analytics.loyalty.unknownNote", { n: f.integer(chart.unknown), share: f.percent(chart.unknown / Math.max(1, scores.length)) })}</p>}
    </>
  );
}

const SHOWN = 25;

/** Frequently bought together: the run's association rules, strongest lift first. */
function ProductRules({ run }: { run: Run }) {
  const t = useT();
  const f = useFormat();
  const [all, setAll] = useState(false);
  const rules = modelOf(run).rules;
  const sorted = useMemo(() => [...(rules?.rules ?? [])].sort((a, b) => b.lift - a.lift || b.support - a.support), [rules]);
  const items = (list: string[]) => list.join(" + ");
  return (
    <Card title={t("analytics.rules.title")}>
      <p className="muted small">{t("analytics.rules.explain", { baskets: f.integer(rules?.baskets ?? 0) })}</p>
      <DataTable
        caption={t("analytics.rules.title")}
        rows={all ? sorted : sorted.slice(0, SHOWN)}
        rowKey={(rule) => `${items(rule.antecedent)}→${items(rule.consequent)}`}
        empty={t("analytics.rules.empty")}
        columns={[
          { key: "antecedent", header: t("analytics.rules.antecedent"), cell: (rule) => items(rule.antecedent) },
          { key: "consequent", header: t("analytics.rules.consequent"), cell: (rule) => items(rule.consequent) },
          { key: "support", header: t("analytics.rules.support"), align: "end", cell: (rule) => f.percent(rule.support) },
          { key: "confidence", header: t("analytics.rules.confidence"), align: "end", cell: (rule) => f.percent(rule.confidence) },
          { key: "lift", header: t("analytics.rules.lift"), align: "end", cell: (rule) => f.number(rule.lift) },
          { key: "baskets", header: t("analytics.rules.count"), align: "end", cell: (rule) => f.integer(rule.count) },
        ]}
      />
      {sorted.length > SHOWN && (
        <div className="pager">
          <Button variant="ghost" onClick={() => setAll(!all)}>
            {all ? t("analytics.rules.fewer") : t("analytics.rules.all", { n: f.integer(sorted.length) })}
          </Button>
        </div>
      )}
    </Card>
  );
}

/** Loyalty and products: the loyalty quadrant, products bought together, and spend against satisfaction. */
export function LoyaltySection({ run }: { run: Run }) {
  return (
    <WithScores run={run}>
      {(sample) => (
        <>
          <div className="grid analytics-grid">
            <div>
              <LoyaltyQuadrant scores={sample.items} />
            </div>
            <CorrelationView scores={sample.items} />
          </div>
          <ProductRules run={run} />
        </>
      )}
    </WithScores>
  );
}
