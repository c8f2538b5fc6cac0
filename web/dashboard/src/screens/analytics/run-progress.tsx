import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Card } from "../../ui/page.tsx";
import { ProgressBar } from "../../ui/progress.tsx";
import { stageLabel, statusLabel } from "./labels.ts";
import { runFraction, STAGES, type Run } from "./run-model.ts";

/** A run under way: one bar for the whole run, and its stages ticked off as they finish. */
export function RunProgress({ run }: { run: Run }) {
  const t = useT();
  const f = useFormat();
  const current = STAGES.indexOf(run.progress.stage as (typeof STAGES)[number]);
  const waiting = run.status === "queued";
  const detail = waiting
    ? new Date(run.asOf) > new Date()
      ? t("analytics.progress.waitingUntil", { time: f.dateTime(run.asOf) })
      : t("analytics.progress.waiting")
    : run.progress.stage === "score" && run.progress.total > 0
      ? t("analytics.progress.scoring", { done: f.integer(run.progress.done), total: f.integer(run.progress.total) })
      : t("analytics.progress.stageOf", { n: current + 1, total: STAGES.length, stage: stageLabel(t, run.progress.stage) });
  return (
    <Card title={t("analytics.progress.title", { status: statusLabel(t, run.status) })} className="run-progress">
      <ProgressBar value={waiting ? null : runFraction(run)} label={t("analytics.progress.label")} detail={detail} />
      <ol className="stage-list">
        {STAGES.map((stage, index) => {
          const state = waiting || index > current ? "pending" : index < current ? "done" : "current";
          return (
            <li key={stage} className={`stage stage-${state}`} aria-current={state === "current" ? "step" : undefined}>
              <span className="stage-mark" aria-hidden="true">{state === "done" ? "✓" : index + 1}</span>
              <span>{stageLabel(t, stage)}</span>
              <span className="visually-hidden">: {t(`analytics.progress.state.${state}`)}</span>
            </li>
          );
        })}
      </ol>
      {run.error && <p className="muted small">{t("analytics.progress.retrying", { error: run.error })}</p>}
      <p className="muted small">{t("analytics.progress.reloadSafe")}</p>
    </Card>
  );
}
