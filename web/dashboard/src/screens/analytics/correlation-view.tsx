import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { useAccount } from "../../account/account.tsx";
import { Chart } from "../../charts/chart.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { SelectField } from "../../ui/field.tsx";
import { Card, EmptyState } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { segmentLabel } from "./labels.ts";
import { useMoney } from "./money.ts";
import type { Score } from "./run-model.ts";
import { pearson } from "./stats.ts";

type Results = Awaited<ReturnType<typeof fetchResults>>;
const fetchResults = (surveyId: string) => unwrap(api.v1.surveys[":surveyId"].results.$get({ param: { surveyId }, query: {} }));

/** One point per RFM segment: its customers' average spend here, its respondents' NPS (or CSAT) in the survey. */
function SegmentScatter({ results, scores }: { results: Results; scores: Score[] }) {
  const t = useT();
  const f = useFormat();
  const money = useMoney();
  const chart = useMemo(() => {
    const spend = new Map<string, { total: number; n: number }>();
    for (const score of scores) {
      const entry = spend.get(score.segment) ?? { total: 0, n: 0 };
      entry.total += score.monetaryMinor;
      entry.n++;
      spend.set(score.segment, entry);
    }
    const metric = results.bySegment.some((row) => row.nps?.nps != null) ? "nps" : "csat";
    const points = results.bySegment.flatMap((row) => {
      const value = metric === "nps" ? row.nps?.nps : row.csat?.csat;
      const customers = spend.get(row.segment);
      return value == null || !customers ? [] : [{ segment: row.segment, spend: money.major(customers.total / customers.n), value, responses: row.responses }];
    });
    const r = pearson(points.map((p) => [p.spend, p.value]));
    const metricName = t(`analytics.correlation.${metric}`);
    return {
      r,
      points,
      metricName,
      option: {
        tooltip: { formatter: (p: { data: { name: string; value: number[] } }) => `${p.data.name}: ${f.money(p.data.value[0]!)}, ${metricName} ${f.number(p.data.value[1]!)}` },
        grid: { left: 60, right: 30, top: 20, bottom: 50 },
        xAxis: { type: "value", name: t("analytics.correlation.spendAxis"), nameLocation: "middle", nameGap: 30, scale: true },
        yAxis: { type: "value", name: metricName, nameLocation: "middle", nameGap: 40, scale: true },
        series: [
          {
            type: "scatter",
            symbolSize: (value: number[]) => Math.min(40, 8 + Math.sqrt(value[2]!) * 2),
            itemStyle: { color: "#c2410c" },
            label: { show: true, position: "top", formatter: (p: { data: { name: string } }) => p.data.name, fontSize: 11 },
            data: points.map((p) => ({ name: segmentLabel(t, p.segment), value: [p.spend, p.value, p.responses] })),
          },
        ],
      },
      table: [
        [t("analytics.correlation.segment"), t("analytics.correlation.meanSpend", { currency: f.currency }), metricName, t("analytics.correlation.responses")],
        ...points.map((p) => [segmentLabel(t, p.segment), Math.round(p.spend * 100) / 100, Math.round(p.value * 10) / 10, p.responses]),
      ],
    };
  }, [results, scores, t, f, money]);
  return (
    <>
      <Chart title={t("analytics.correlation.title")} description={t("analytics.correlation.description", { metric: chart.metricName })} option={chart.option} table={chart.table} fileName="spend-vs-satisfaction" height={340} />
      <p className="correlation-r">
        {chart.r === null
          ? t("analytics.correlation.tooFew", { n: chart.points.length })
          : t("analytics.correlation.coefficient", { r: f.number(chart.r), n: chart.points.length, metric: chart.metricName })}
      </p>
    </>
  );
}

function SurveyCorrelation({ scores }: { scores: Score[] }) {
  const t = useT();
  const surveys = useQuery({ queryKey: ["analytics-surveys"], queryFn: () => unwrap(api.v1.surveys.$get({ query: {} })) });
  const [chosen, setChosen] = useState<string | null>(null);
  const published = surveys.data?.items.filter((survey) => survey.publishedAt !== null) ?? [];
  const surveyId = chosen ?? published[0]?.id ?? null;
  const results = useQuery({ queryKey: ["analytics-survey-results", surveyId], enabled: surveyId !== null, queryFn: () => fetchResults(surveyId!) });
  return (
    <QueryState query={surveys}>
      {() =>
        published.length === 0 ? (
          <Card title={t("analytics.correlation.title")}>
            <EmptyState title={t("analytics.correlation.noSurveysTitle")}>
              <p>{t("analytics.correlation.noSurveys")}</p>
            </EmptyState>
          </Card>
        ) : (
          <div>
            <SelectField label={t("analytics.correlation.survey")} value={surveyId ?? ""} onChange={(event) => setChosen(event.target.value)}>
              {published.map((survey) => (
                <option key={survey.id} value={survey.id}>
                  {survey.name}
                </option>
              ))}
            </SelectField>
            <QueryState query={results}>{(data) => <SegmentScatter results={data} scores={scores} />}</QueryState>
          </div>
        )
      }
    </QueryState>
  );
}

/** Spend against satisfaction, for staff who may read survey results (analysts and up). */
export function CorrelationView({ scores }: { scores: Score[] }) {
  const t = useT();
  const { hasRole } = useAccount();
  if (!hasRole("owner", "admin", "analyst"))
    return (
      <Card title={t("analytics.correlation.title")}>
        <p className="muted">{t("analytics.correlation.notAllowed")}</p>
      </Card>
    );
  return <SurveyCorrelation scores={scores} />;
}
