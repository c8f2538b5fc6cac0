import { useMemo } from "react";
import { Chart } from "../../charts/chart.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/alert.tsx";
import { DataTable } from "../../ui/data-table.tsx";
import { Card } from "../../ui/page.tsx";
import { CustomerLink } from "./customer-link.tsx";
import { segmentLabel } from "./labels.ts";
import { useMoney } from "./money.ts";
import { modelOf, type Run, type Score } from "./run-model.ts";
import { histogram, topBy } from "./stats.ts";
import { WithScores } from "./with-scores.tsx";

const TOP = 15;

/** Whether a churn risk is 1 − P(alive) (repeat buyers) rather than the one-time buyers' return curve. */
const fromPAlive = (score: Score) => score.pAlive !== null && Math.abs(1 - score.pAlive - score.churnRisk!) < 1e-4;

/** Predicted one-year CLV, binned, for customers the models could value. */
function ClvHistogram({ scores }: { scores: Score[] }) {
  const t = useT();
  const f = useFormat();
  const money = useMoney();
  const chart = useMemo(() => {
    const bins = histogram(scores.flatMap((score) => (score.clvMinor === null ? [] : [money.major(score.clvMinor)])));
    const label = (bin: { from: number; to: number }) => `${f.money(bin.from)} – ${f.money(bin.to)}`;
    return {
      option: {
        tooltip: { trigger: "axis" },
        grid: { left: 60, right: 20, top: 40, bottom: 90 },
        xAxis: { type: "category", data: bins.map(label), axisLabel: { rotate: 40, fontSize: 10 }, name: t("analytics.clv.axis"), nameLocation: "middle", nameGap: 75 },
        yAxis: { type: "value", minInterval: 1, name: t("analytics.clv.customers") },
        series: [{ type: "bar", data: bins.map((bin) => bin.count), barCategoryGap: "5%", itemStyle: { color: "#2e7d4f" } }],
      },
      table: [[t("analytics.clv.from"), t("analytics.clv.to"), t("analytics.clv.customers")], ...bins.map((bin) => [Math.round(bin.from * 100) / 100, Math.round(bin.to * 100) / 100, bin.count])],
    };
  }, [scores, t, f, money]);
  return <Chart title={t("analytics.clv.title")} description={t("analytics.clv.description")} option={chart.option} table={chart.table} fileName="clv-distribution" />;
}

function TopClv({ scores }: { scores: Score[] }) {
  const t = useT();
  const f = useFormat();
  const money = useMoney();
  const rows = useMemo(() => topBy(scores, (score) => score.clvMinor, TOP), [scores]);
  return (
    <Card title={t("analytics.topClv.title")}>
      <DataTable
        caption={t("analytics.topClv.title")}
        rows={rows}
        rowKey={(row) => row.customerId}
        empty={t("analytics.topClv.empty")}
        columns={[
          { key: "customer", header: t("analytics.table.customer"), cell: (row) => <CustomerLink customerId={row.customerId} /> },
          { key: "clv", header: t("analytics.table.clv"), align: "end", cell: (row) => money.format(row.clvMinor!) },
          { key: "spend", header: t("analytics.table.spend"), align: "end", cell: (row) => money.format(row.monetaryMinor) },
          { key: "orders", header: t("analytics.table.orders"), align: "end", cell: (row) => f.integer(row.orders) },
          { key: "segment", header: t("analytics.table.segment"), cell: (row) => segmentLabel(t, row.segment) },
        ]}
      />
    </Card>
  );
}

function ChurnRisk({ scores }: { scores: Score[] }) {
  const t = useT();
  const f = useFormat();
  const money = useMoney();
  const rows = useMemo(() => topBy(scores, (score) => score.churnRisk, TOP), [scores]);
  return (
    <Card title={t("analytics.churn.title")}>
      <p className="muted small">{t("analytics.churn.explain")}</p>
      <DataTable
        caption={t("analytics.churn.title")}
        rows={rows}
        rowKey={(row) => row.customerId}
        empty={t("analytics.churn.empty")}
        columns={[
          { key: "customer", header: t("analytics.table.customer"), cell: (row) => <CustomerLink customerId={row.customerId} /> },
          { key: "risk", header: t("analytics.table.churnRisk"), align: "end", cell: (row) => f.percent(row.churnRisk!) },
          { key: "alive", header: t("analytics.table.pAlive"), align: "end", cell: (row) => (row.pAlive === null ? "—" : f.percent(row.pAlive)) },
          { key: "basis", header: t("analytics.table.basis"), cell: (row) => (fromPAlive(row) ? t("analytics.table.fromPAlive") : t("analytics.table.fromCurve")) },
          { key: "recency", header: t("analytics.table.lastOrder"), align: "end", cell: (row) => t("analytics.table.daysAgo", { n: f.integer(row.recencyDays) }) },
          { key: "spend", header: t("analytics.table.spend"), align: "end", cell: (row) => money.format(row.monetaryMinor) },
          { key: "segment", header: t("analytics.table.segment"), cell: (row) => segmentLabel(t, row.segment) },
        ]}
      />
    </Card>
  );
}

/** Predicted value and churn: the CLV distribution, the most valuable customers, and those likeliest to leave. */
export function ValueSection({ run }: { run: Run }) {
  const t = useT();
  const model = modelOf(run);
  const unfitted = [model.bgNbd, model.gammaGamma].find((fit) => fit && fit.status !== "ok");
  return (
    <WithScores run={run}>
      {(sample) => (
        <>
          {unfitted && (
            <Alert tone="warning" title={t("analytics.clv.unfittedTitle")}>
              <p>{t("analytics.clv.unfitted", { reason: unfitted.reason ?? unfitted.status ?? "" })}</p>
            </Alert>
          )}
          <ClvHistogram scores={sample.items} />
          <TopClv scores={sample.items} />
          <ChurnRisk scores={sample.items} />
        </>
      )}
    </WithScores>
  );
}
