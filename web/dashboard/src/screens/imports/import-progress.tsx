import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Card, Stat } from "../../ui/page.tsx";
import { ProgressBar } from "../../ui/progress.tsx";
import type { Import } from "./import-api.ts";
import { estimatedRows, importRatio } from "./import-status.tsx";

/** The dry run or the run under way: a live bar over the file, rows so far and, for a run, what it has written. */
export function ImportProgress({ item }: { item: Import }) {
  const t = useT();
  const f = useFormat();
  const running = item.status === "running";
  const ratio = importRatio(item);
  const total = estimatedRows(item);
  const done = f.integer(item.progress.rowsDone);
  const detail = total ? t("imports.run.rowsOf", { done, total: f.integer(total) }) : t("imports.run.rowsDone", { done });
  const result = (key: string) => f.integer(item.results[key] ?? 0);
  return (
    <Card title={running ? t("imports.run.title") : t("imports.dryRun.title")} className="import-progress">
      <ProgressBar value={ratio} max={1} label={running ? t("imports.run.progress") : t("imports.dryRun.progress")} detail={detail} />
      {ratio !== null && <p className="muted small">{t("imports.run.percent", { n: Math.round(ratio * 100) })}</p>}
      {running && (
        <div className="stats">
          <Stat label={t("imports.run.created")} value={result("created")} />
          <Stat label={t("imports.run.updated")} value={result("updated")} />
          <Stat label={t("imports.run.orderLines")} value={result("orderLines")} />
          <Stat label={t("imports.run.refunds")} value={result("refunds")} />
        </div>
      )}
      <p className="muted">{t("imports.run.reloadSafe")}</p>
    </Card>
  );
}
