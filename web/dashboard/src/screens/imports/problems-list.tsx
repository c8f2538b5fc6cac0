import { useQuery } from "@tanstack/react-query";
import { download } from "../../charts/csv.ts";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { DataTable } from "../../ui/data-table.tsx";
import { Button } from "../../ui/button.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { parseCsv } from "./csv-text.ts";
import { fetchProblems, type Import } from "./import-api.ts";

const SHOWN = 100;

/** The dry run's problems by row and column (the first hundred on screen), and the whole report as problems.csv. */
export function ProblemsList({ item }: { item: Import }) {
  const t = useT();
  const f = useFormat();
  const problems = useQuery({ queryKey: ["imports", "problems", item.id, item.finishedAt], queryFn: () => fetchProblems(item.id) });
  return (
    <QueryState query={problems}>
      {(text) => {
        const rows = parseCsv(text).slice(1);
        return (
          <>
            <div className="card-header">
              <h3>{t("imports.dryRun.problemsTitle")}</h3>
              <Button onClick={() => download(new Blob([text], { type: "text/csv;charset=utf-8" }), "problems.csv")}>{t("imports.dryRun.downloadProblems")}</Button>
            </div>
            {rows.length > SHOWN && <p className="muted">{t("imports.dryRun.problemsShown", { shown: f.integer(SHOWN), n: f.integer(rows.length) })}</p>}
            {/* Scrolls on its own, so it takes focus for keyboard scrolling and is named for screen readers. */}
            <div className="import-problems" tabIndex={0} role="region" aria-label={t("imports.dryRun.problemsTitle")}>
              <DataTable<string[]>
                caption={t("imports.dryRun.problemsCaption")}
                rows={rows.slice(0, SHOWN)}
                rowKey={(row) => `${row[0]}:${row[1]}`}
                columns={[
                  { key: "row", header: t("imports.dryRun.row"), align: "end", cell: (row) => f.integer(Number(row[0])) },
                  { key: "column", header: t("imports.dryRun.column"), cell: (row) => <code>{row[1]}</code> },
                  { key: "problem", header: t("imports.dryRun.problem"), cell: (row) => row[2] },
                ]}
              />
            </div>
          </>
        );
      }}
    </QueryState>
  );
}
