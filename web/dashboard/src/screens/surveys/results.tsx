import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "wouter";
import { RFM_SEGMENTS, rfmSegmentLabel } from "../../i18n/rfm-segments.ts";
import { resolveText } from "../../../../../src/surveys/localise.ts";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/translate.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField } from "../../ui/field.tsx";
import { Card, EmptyState, Page, Stat } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { TagCloud } from "../../ui/tag-cloud.tsx";
import { fetchSurvey, languageName, type SurveyWithVersions } from "./model.ts";
import { DistributionChart, SegmentChart, TrendChart } from "./results-charts.tsx";
import { ExportResponses } from "./results-export.tsx";
import { ScoresByLanguage } from "./results-languages.tsx";

const fetchResults = (surveyId: string, query: Record<string, string>) => unwrap(api.v1.surveys[":surveyId"].results.$get({ param: { surveyId }, query }));
export type Results = Awaited<ReturnType<typeof fetchResults>>;

const FILTER_KEYS = ["language", "segment", "version", "interval"] as const;

function Filters({ survey }: { survey: SurveyWithVersions }) {
  const { t, language: ui } = useI18n();
  const [params, setParams] = useSearchParams();
  const languages = [...new Set([...survey.versions.flatMap((version) => version.definition.languages), ...survey.draft.languages])];
  const set = (key: (typeof FILTER_KEYS)[number], value: string) =>
    setParams((before) => {
      const next = new URLSearchParams(before);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });
  return (
    <div className="toolbar" role="group" aria-label={t("surveys.results.filters")}>
      <SelectField label={t("surveys.results.language")} value={params.get("language") ?? ""} onChange={(event) => set("language", event.target.value)}>
        <option value="">{t("surveys.results.allLanguages")}</option>
        {languages.map((tag) => (
          <option key={tag} value={tag}>{languageName(tag, ui)}</option>
        ))}
      </SelectField>
      <SelectField label={t("surveys.results.segment")} value={params.get("segment") ?? ""} onChange={(event) => set("segment", event.target.value)}>
        <option value="">{t("surveys.results.allSegments")}</option>
        {[...RFM_SEGMENTS, "unscored"].map((segment) => (
          <option key={segment} value={segment}>{segment === "unscored" ? t("surveys.unscored") : rfmSegmentLabel(t, segment)}</option>
        ))}
      </SelectField>
      <SelectField label={t("surveys.results.version")} value={params.get("version") ?? ""} onChange={(event) => set("version", event.target.value)}>
        <option value="">{t("surveys.results.allVersions")}</option>
        {survey.versions.map((version) => (
          <option key={version.version} value={String(version.version)}>{t("surveys.list.version", { version: version.version })}</option>
        ))}
      </SelectField>
      <SelectField label={t("surveys.results.interval")} value={params.get("interval") ?? "month"} onChange={(event) => set("interval", event.target.value === "month" ? "" : event.target.value)}>
        <option value="month">{t("surveys.results.byMonth")}</option>
        <option value="week">{t("surveys.results.byWeek")}</option>
      </SelectField>
    </div>
  );
}

function Headline({ results }: { results: Results }) {
  const { t, format: f } = useI18n();
  const score = (value: number | null | undefined, digits = 0) => (value === null || value === undefined ? "–" : digits ? f.number(Number(value.toFixed(digits))) : f.integer(value));
  return (
    <div className="stats" aria-label={t("surveys.results.headline")} role="group">
      <Stat label={t("surveys.results.responses")} value={f.integer(results.responses)} />
      {results.nps && (
        <Stat
          label={t("surveys.results.nps")}
          value={score(results.nps.nps)}
          detail={
            results.nps.interval
              ? `${t("surveys.results.interval95", { low: score(results.nps.interval.low), high: score(results.nps.interval.high), confidence: f.percent(results.nps.interval.confidence) })} · ${t("surveys.results.npsCounts", { promoters: results.nps.promoters, passives: results.nps.passives, detractors: results.nps.detractors })}`
              : t("surveys.results.noAnswers")
          }
        />
      )}
      {results.csat && <Stat label={t("surveys.results.csat")} value={results.csat.csat === null ? "–" : f.percent(results.csat.csat / 100)} detail={t("surveys.results.csatDetail", { n: results.csat.satisfied, of: results.csat.responses })} />}
      {results.ces && <Stat label={t("surveys.results.ces")} value={score(results.ces.average, 2)} detail={t("surveys.results.cesDetail")} />}
    </div>
  );
}

function ResultsBody({ survey, results, interval }: { survey: SurveyWithVersions; results: Results; interval: "week" | "month" }) {
  const { t, language: ui } = useI18n();
  const latest = survey.versions[0]?.definition ?? survey.draft;
  const optionLabel = (questionId: string) => (value: string) => {
    const option = survey.versions.flatMap((version) => version.definition.questions).find((q) => q.id === questionId)?.options?.find((o) => o.id === value);
    return option ? resolveText(option.label, ui, latest.defaultLanguage) || value : value;
  };
  const questionText = (questionId: string, fallback: string) => {
    const question = latest.questions.find((q) => q.id === questionId);
    return question ? resolveText(question.text, ui, latest.defaultLanguage) || fallback : fallback;
  };
  const segmentName = (segment: string) => (segment === "unscored" ? t("surveys.unscored") : rfmSegmentLabel(t, segment));
  if (results.responses === 0) {
    return (
      <>
        <Headline results={results} />
        <EmptyState title={t("surveys.results.empty")}>
          <p>{survey.status === "published" ? t("surveys.results.emptyPublished") : t("surveys.results.emptyDraft")}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <Headline results={results} />
      <TrendChart results={results} interval={interval} fileName={`survey-${survey.id}-trend`} />
      <h2 className="section-heading">{t("surveys.results.questions")}</h2>
      <div className="grid">
        {results.questions.map((question) =>
          question.type === "text" ? (
            <Card key={question.id} title={questionText(question.id, question.text)}>
              <p className="muted small">{t("surveys.results.textAnswers", { n: question.answered })}</p>
              {question.keywords && question.keywords.length > 0 ? (
                <TagCloud label={t("surveys.results.keywords", { question: questionText(question.id, question.text) })} tags={question.keywords.map((keyword) => ({ label: keyword.term, weight: keyword.count, kind: "feedback" }))} />
              ) : (
                <p className="muted">{t("surveys.results.noKeywords")}</p>
              )}
            </Card>
          ) : (
            <DistributionChart key={question.id} question={{ ...question, text: questionText(question.id, question.text) }} labelOf={optionLabel(question.id)} fileName={`survey-${survey.id}-${question.id}`} />
          ),
        )}
      </div>
      <div className="grid results-breakdowns">
        <SegmentChart results={results} segmentName={segmentName} fileName={`survey-${survey.id}-segments`} />
        <ScoresByLanguage results={results} />
      </div>
    </>
  );
}

/** Results at /surveys/:surveyId/results: headline scores, trend, distributions, keywords, segments and languages, with filters in the address. */
export function SurveyResults() {
  const { surveyId } = useParams<{ surveyId: string }>();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const survey = useQuery({ queryKey: ["survey", surveyId], queryFn: () => fetchSurvey(surveyId) });
  const query = Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const interval = query.interval === "week" ? "week" : "month";
  const results = useQuery({ queryKey: ["survey-results", surveyId, query], queryFn: () => fetchResults(surveyId, query), refetchInterval: 30_000 });
  return (
    <QueryState query={survey}>
      {(data) => (
        <Page
          title={t("surveys.results.title", { name: data.name })}
          description={<Link href={`/${surveyId}/edit`}>{t("surveys.results.toBuilder")}</Link>}
          actions={
            <>
              <Button busy={results.isFetching} onClick={() => void results.refetch()}>{t("surveys.results.refresh")}</Button>
              <ExportResponses surveyId={surveyId} />
            </>
          }
        >
          <Filters survey={data} />
          <QueryState query={results}>{(body) => <ResultsBody survey={data} results={body} interval={interval} />}</QueryState>
        </Page>
      )}
    </QueryState>
  );
}
