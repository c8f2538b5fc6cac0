import { useMemo } from "react";
import { Chart } from "../../charts/chart.tsx";
import type { EChartsOption } from "../../charts/echarts.ts";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/translate.ts";
import type { Results } from "./results.tsx";

const BLUE = "#1f5fbf";
const GREEN = "#1e6b3a";
const AMBER = "#b26a00";
const RED = "#b3261e";
const round = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/** A period's first day ("2026-11-02") as the tenant reads it: "Nov 2026", or "2 Nov" for weeks. */
function usePeriodLabel(interval: "week" | "month") {
  const f = useFormat();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(f.locale, interval === "month" ? { year: "numeric", month: "short", timeZone: "UTC" } : { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
    return (period: string) => format.format(new Date(`${period}T00:00:00Z`));
  }, [f.locale, interval]);
}

/** NPS and CSAT (both -100 to 100) on the left axis, CES (1 to 7) on the right, by week or month. */
export function TrendChart({ results, interval, fileName }: { results: Results; interval: "week" | "month"; fileName: string }) {
  const t = useT();
  const label = usePeriodLabel(interval);
  const periods = results.trend.map((point) => label(point.period));
  const series = [
    results.nps && { name: t("surveys.results.nps"), type: "line", yAxisIndex: 0, data: results.trend.map((p) => round(p.nps?.nps)), color: BLUE },
    results.csat && { name: t("surveys.results.csat"), type: "line", yAxisIndex: 0, data: results.trend.map((p) => round(p.csat?.csat)), color: GREEN },
    results.ces && { name: t("surveys.results.ces"), type: "line", yAxisIndex: 1, data: results.trend.map((p) => round(p.ces?.average, 2)), color: AMBER, lineStyle: { type: "dashed" } },
  ].filter(Boolean);
  const option: EChartsOption = {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: "category", data: periods },
    yAxis: [
      { type: "value", min: -100, max: 100, name: t("surveys.results.scoreAxis") },
      { type: "value", min: 1, max: 7, name: t("surveys.results.ces"), show: results.ces !== null },
    ],
    series: series.map((entry) => ({ ...entry, connectNulls: true, symbolSize: 8 })),
  };
  const table = [
    [t("surveys.results.period"), t("surveys.results.responses"), t("surveys.results.nps"), t("surveys.results.csat"), t("surveys.results.ces")],
    ...results.trend.map((p) => [p.period, p.responses, round(p.nps?.nps), round(p.csat?.csat), round(p.ces?.average, 2)]),
  ];
  return <Chart title={t(`surveys.results.trend.${interval}` as MessageKey)} description={t("surveys.results.trendDescription")} option={option} table={table} fileName={fileName} />;
}

type QuestionResult = Results["questions"][number];

/** How many chose each answer of one question; NPS points coloured as detractors, passives and promoters. */
export function DistributionChart({ question, labelOf, fileName }: { question: QuestionResult; labelOf(value: string): string; fileName: string }) {
  const t = useT();
  const f = useFormat();
  const rows = [...question.distribution, ...(question.other ? [{ value: "__other", count: question.other }] : [])];
  const names = rows.map((row) => (row.value === "__other" ? t("surveys.results.other") : labelOf(row.value)));
  const colour = (value: string) => {
    if (question.type !== "nps") return BLUE;
    const score = Number(value);
    return score >= 9 ? GREEN : score >= 7 ? AMBER : RED;
  };
  const option: EChartsOption = {
    tooltip: { trigger: "axis" },
    grid: { left: 48, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: "category", data: names, axisLabel: { interval: 0, overflow: "truncate", width: 90 } },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", name: t("surveys.results.count"), data: rows.map((row) => ({ value: row.count, itemStyle: { color: colour(row.value) } })) }],
  };
  const average = question.average === null || question.average === undefined ? "" : ` ${t("surveys.results.average", { value: f.number(question.average) })}`;
  return (
    <Chart
      title={question.text || question.id}
      description={t("surveys.results.distributionDescription", { n: question.answered }) + average}
      option={option}
      table={[[t("surveys.results.answer"), t("surveys.results.count")], ...rows.map((row, i) => [names[i]!, row.count])]}
      fileName={fileName}
      height={260}
    />
  );
}

/** Responses and NPS by RFM segment of the answering customers (or "unscored"). */
export function SegmentChart({ results, segmentName, fileName }: { results: Results; segmentName(segment: string): string; fileName: string }) {
  const t = useT();
  const names = results.bySegment.map((row) => segmentName(row.segment));
  const option: EChartsOption = {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 40, containLabel: true },
    xAxis: { type: "category", data: names, axisLabel: { interval: 0, overflow: "truncate", width: 90 } },
    yAxis: [{ type: "value", name: t("surveys.results.responses"), minInterval: 1 }, { type: "value", min: -100, max: 100, name: t("surveys.results.nps") }],
    series: [
      { type: "bar", name: t("surveys.results.responses"), data: results.bySegment.map((row) => row.responses), color: BLUE },
      ...(results.nps ? [{ type: "line", name: t("surveys.results.nps"), yAxisIndex: 1, data: results.bySegment.map((row) => round(row.nps?.nps)), color: GREEN, symbolSize: 8 }] : []),
    ],
  };
  const table = [[t("surveys.results.segment"), t("surveys.results.responses"), t("surveys.results.nps"), t("surveys.results.csat")], ...results.bySegment.map((row, i) => [names[i]!, row.responses, round(row.nps?.nps), round(row.csat?.csat)])];
  return <Chart title={t("surveys.results.bySegment")} description={t("surveys.results.bySegmentDescription")} option={option} table={table} fileName={fileName} />;
}
