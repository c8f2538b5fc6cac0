import { useMemo } from "react";
import { Link } from "wouter";
import { Chart } from "../../charts/chart.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { rfmSegmentLabel } from "../../i18n/rfm-segments.ts";
import { Card } from "../../ui/page.tsx";
import { Loading } from "../../ui/query-state.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { useSegmentSizes } from "./home-queries.ts";

/** Customers per RFM segment in the latest finished run, as a small horizontal bar chart. */
export function SegmentSizes() {
  const t = useT();
  const f = useFormat();
  const { runs, run, portraits } = useSegmentSizes();
  const groups = useMemo(() => [...(portraits.data?.groups ?? [])].sort((a, b) => b.customers - a.customers), [portraits.data]);
  const names = useMemo(() => groups.map((group) => rfmSegmentLabel(t, group.key)), [groups, t]);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value" as const, minInterval: 1 },
      yAxis: { type: "category" as const, data: [...names].reverse(), axisTick: { show: false } },
      tooltip: { trigger: "axis" as const },
      series: [{ type: "bar" as const, data: groups.map((group) => group.customers).reverse(), itemStyle: { color: "#1f5fbf" }, barMaxWidth: 22 }],
    }),
    [groups, names],
  );
  if (runs.isPending || (run && portraits.isPending)) return <Card title={t("home.segments.title")}><Loading /></Card>;
  if (runs.isError || portraits.isError) return <Card title={t("home.segments.title")}><ErrorAlert error={runs.error ?? portraits.error} /></Card>;
  if (!run || groups.length === 0) {
    return (
      <Card title={t("home.segments.title")}>
        <p className="muted">{t("home.segments.none")}</p>
      </Card>
    );
  }
  return (
    <div className="home-segments">
      <Chart
        title={t("home.segments.title")}
        description={t("home.segments.description", { date: f.date(run.asOf) })}
        option={option}
        table={[[t("home.segments.segment"), t("home.segments.customers")], ...groups.map((group, index) => [names[index]!, group.customers])]}
        fileName="segment-sizes"
        height={Math.max(180, groups.length * 30 + 24)}
      />
      <p className="small">
        <Link href="/analytics">{t("home.segments.open")}</Link>
      </p>
    </div>
  );
}
