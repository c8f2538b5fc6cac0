import { useMemo } from "react";
import { Chart } from "../../charts/chart.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Card, EmptyState } from "../../ui/page.tsx";
import { segmentLabel, SEGMENTS } from "./labels.ts";
import { diagnosticsOf, type Run } from "./run-model.ts";

/** How many customers moved from each segment of the previous run to each of this one. */
export function MigrationMatrix({ run }: { run: Run }) {
  const t = useT();
  const f = useFormat();
  const transitions = diagnosticsOf(run).transitions;
  const counts = transitions?.counts;
  const chart = useMemo(() => {
    if (!counts?.length) return null;
    const labels = SEGMENTS.map((segment) => segmentLabel(t, segment));
    const index = (segment: string) => SEGMENTS.indexOf(segment as (typeof SEGMENTS)[number]);
    const data = counts.filter((c) => index(c.from) >= 0 && index(c.to) >= 0).map((c) => [index(c.to), index(c.from), c.customers]);
    const option = {
      tooltip: { formatter: (p: { value: number[] }) => t("analytics.migration.tooltip", { from: labels[p.value[1]!]!, to: labels[p.value[0]!]!, n: f.integer(p.value[2]!) }) },
      grid: { left: 130, right: 20, top: 10, bottom: 140 },
      xAxis: { type: "category", data: labels, name: t("analytics.migration.to"), nameLocation: "middle", nameGap: 110, axisLabel: { rotate: 45, interval: 0 } },
      yAxis: { type: "category", data: labels, inverse: true, name: t("analytics.migration.from"), nameLocation: "middle", nameGap: 115, axisLabel: { interval: 0 } },
      visualMap: { min: 0, max: Math.max(1, ...data.map((d) => d[2]!)), dimension: 2, show: false, inRange: { color: ["#f1f5fb", "#1f5fb8"] } },
      series: [{ type: "heatmap", data, label: { show: true, fontSize: 10, formatter: (p: { value: number[] }) => f.integer(p.value[2]!) } }],
    };
    const table = [
      [t("analytics.migration.from"), t("analytics.migration.to"), t("analytics.migration.customers")],
      ...counts.map((c) => [segmentLabel(t, c.from), segmentLabel(t, c.to), c.customers]),
    ];
    return { option, table };
  }, [counts, t, f]);
  if (!transitions?.previousRunId || !chart)
    return (
      <Card title={t("analytics.migration.title")}>
        <EmptyState title={t("analytics.migration.noneTitle")}>
          <p>{t("analytics.migration.none")}</p>
        </EmptyState>
      </Card>
    );
  return (
    <Chart
      title={t("analytics.migration.title")}
      description={t("analytics.migration.description", { downgrades: f.integer(transitions.downgrades) })}
      option={chart.option}
      table={chart.table}
      fileName="segment-migration"
      height={460}
    />
  );
}
