import { useMemo } from "react";
import { Chart } from "../../charts/chart.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { segmentLabel, SEGMENTS } from "./labels.ts";
import { MigrationMatrix } from "./migration-matrix.tsx";
import { usePortraits } from "./run-queries.ts";
import type { Run, Score } from "./run-model.ts";
import { rfmGrid } from "./stats.ts";
import { WithScores } from "./with-scores.tsx";
import { useMoney } from "./money.ts";

const SCORES = ["1", "2", "3", "4", "5"];

/** Recency score x frequency score, each cell coloured by its customers' average spend and labelled with their number. */
function RfmHeatmap({ scores }: { scores: Score[] }) {
  const t = useT();
  const f = useFormat();
  const money = useMoney();
  const cells = useMemo(() => rfmGrid(scores), [scores]);
  const option = useMemo(() => {
    const spends = cells.map((cell) => money.major(cell.meanMonetaryMinor));
    return {
      tooltip: {
        formatter: (params: { value: [number, number, number, number] }) =>
          t("analytics.rfm.tooltip", { r: params.value[1] + 1, f: params.value[0] + 1, n: f.integer(params.value[3]), spend: f.money(params.value[2]) }),
      },
      grid: { left: 70, right: 30, top: 20, bottom: 100 },
      xAxis: { type: "category", data: SCORES, name: t("analytics.rfm.frequencyAxis"), nameLocation: "middle", nameGap: 28, splitArea: { show: true } },
      yAxis: { type: "category", data: SCORES, name: t("analytics.rfm.recencyAxis"), nameLocation: "middle", nameGap: 40, splitArea: { show: true } },
      visualMap: {
        min: Math.min(0, ...spends),
        max: Math.max(1, ...spends),
        calculable: true,
        orient: "horizontal",
        left: "center",
        bottom: 0,
        dimension: 2,
        text: [t("analytics.rfm.highSpend"), t("analytics.rfm.lowSpend")],
        inRange: { color: ["#e8f1fb", "#7fb0e6", "#1f5fb8", "#0b2f66"] },
      },
      series: [
        {
          type: "heatmap",
          data: cells.map((cell) => [cell.f - 1, cell.r - 1, money.major(cell.meanMonetaryMinor), cell.customers]),
          label: { show: true, formatter: (params: { value: number[] }) => f.integer(params.value[3]!) },
          emphasis: { itemStyle: { shadowBlur: 8, shadowColor: "rgba(0,0,0,0.35)" } },
        },
      ],
    };
  }, [cells, t, f, money]);
  const table = useMemo(
    () => [
      [t("analytics.rfm.recency"), t("analytics.rfm.frequency"), t("analytics.rfm.customers"), t("analytics.rfm.meanSpend", { currency: f.currency })],
      ...cells.map((cell) => [cell.r, cell.f, cell.customers, money.major(cell.meanMonetaryMinor)]),
    ],
    [cells, t, f, money],
  );
  return <Chart title={t("analytics.rfm.title")} description={t("analytics.rfm.description")} option={option} table={table} fileName="rfm-grid" height={420} />;
}

/** Customers in each of the eleven named segments, exact for the whole run. */
function SegmentSizes({ run }: { run: Run }) {
  const t = useT();
  const f = useFormat();
  const portraits = usePortraits(run, "segment");
  return (
    <QueryState query={portraits}>
      {(data) => {
        const counts = new Map(data.groups.map((group) => [group.key, group.customers]));
        const rows = SEGMENTS.map((segment) => ({ segment, label: segmentLabel(t, segment), customers: counts.get(segment) ?? 0 }));
        const option = {
          tooltip: { trigger: "axis" },
          grid: { left: 150, right: 40, top: 10, bottom: 30 },
          xAxis: { type: "value", minInterval: 1 },
          yAxis: { type: "category", inverse: true, data: rows.map((row) => row.label) },
          series: [{ type: "bar", data: rows.map((row) => row.customers), itemStyle: { color: "#1f5fb8" }, label: { show: true, position: "right", formatter: (p: { value: number }) => f.integer(p.value) } }],
        };
        const table = [[t("analytics.segmentSizes.segment"), t("analytics.segmentSizes.customers")], ...rows.map((row) => [row.label, row.customers])];
        return <Chart title={t("analytics.segmentSizes.title")} description={t("analytics.segmentSizes.description")} option={option} table={table} fileName="segment-sizes" height={380} />;
      }}
    </QueryState>
  );
}

/** The RFM section: the grid, the segments' sizes and how customers moved since the previous run. */
export function RfmSection({ run }: { run: Run }) {
  return (
    <>
      <WithScores run={run}>{(sample) => <RfmHeatmap scores={sample.items} />}</WithScores>
      <div className="grid analytics-grid">
        <SegmentSizes run={run} />
        <MigrationMatrix run={run} />
      </div>
    </>
  );
}
