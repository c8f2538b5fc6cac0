import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Alert, ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card, Stat } from "../../ui/page.tsx";
import type { Import } from "./import-api.ts";
import { useImportActions } from "./import-actions.ts";
import { ProblemsList } from "./problems-list.tsx";

/** What the dry run found: rows read, ready and with problems, the problems themselves, and the run to start. */
export function DryRunReport({ item }: { item: Import }) {
  const t = useT();
  const f = useFormat();
  const { run } = useImportActions(item.id);
  const { rowsDone, rowsValid, rowsRejected } = item.progress;
  return (
    <Card title={t("imports.dryRun.report")} className="import-report">
      <div className="stats" data-testid="dry-run-counts">
        <Stat label={t("imports.dryRun.rows")} value={f.integer(rowsDone)} />
        <Stat label={t("imports.dryRun.valid")} value={f.integer(rowsValid)} />
        <Stat label={t("imports.dryRun.rejected")} value={f.integer(rowsRejected)} />
      </div>
      {rowsRejected === 0 ? <Alert tone="success">{t("imports.dryRun.noProblems")}</Alert> : <ProblemsList item={item} />}
      {rowsRejected > 0 && <p className="muted">{t("imports.dryRun.skipNote")}</p>}
      <ErrorAlert error={run.error} />
      <div className="row import-run-actions">
        <Button variant="primary" disabled={rowsValid === 0} busy={run.isPending} onClick={() => run.mutate()}>
          {t("imports.run.start", { n: f.integer(rowsValid) })}
        </Button>
      </div>
    </Card>
  );
}
