import { useI18n } from "../../i18n/i18n.tsx";
import { DataTable } from "../../ui/data-table.tsx";
import { Card } from "../../ui/page.tsx";
import { languageName } from "./model.ts";
import type { Results } from "./results.tsx";

/** The headline scores in each language the survey was answered in. */
export function ScoresByLanguage({ results }: { results: Results }) {
  const { t, language: ui, format: f } = useI18n();
  const score = (value: number | null | undefined) => (value === null || value === undefined ? "–" : f.integer(value));
  return (
    <Card title={t("surveys.results.byLanguage")}>
      <DataTable
        caption={t("surveys.results.byLanguage")}
        rows={results.byLanguage}
        rowKey={(row) => row.language}
        columns={[
          { key: "language", header: t("surveys.results.language"), cell: (row) => languageName(row.language, ui) },
          { key: "responses", header: t("surveys.results.responses"), align: "end", cell: (row) => f.integer(row.responses) },
          ...(results.nps ? [{ key: "nps", header: t("surveys.results.nps"), align: "end" as const, cell: (row: Results["byLanguage"][number]) => score(row.nps?.nps) }] : []),
          ...(results.csat ? [{ key: "csat", header: t("surveys.results.csat"), align: "end" as const, cell: (row: Results["byLanguage"][number]) => (row.csat?.csat == null ? "–" : f.percent(row.csat.csat / 100)) }] : []),
          ...(results.ces ? [{ key: "ces", header: t("surveys.results.ces"), align: "end" as const, cell: (row: Results["byLanguage"][number]) => (row.ces?.average == null ? "–" : f.number(row.ces.average)) }] : []),
        ]}
      />
    </Card>
  );
}
