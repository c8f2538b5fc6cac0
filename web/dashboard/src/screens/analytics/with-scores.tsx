import type { ReactNode } from "react";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Loading, QueryState } from "../../ui/query-state.tsx";
import type { Run } from "./run-model.ts";
import { SCORE_CAP, useScores, type ScoreSample } from "./run-queries.ts";

/** Reads a run's scores for the charts, saying plainly when they are a sample of a large tenant. */
export function WithScores({ run, children }: { run: Run; children: (sample: ScoreSample) => ReactNode }) {
  const t = useT();
  const f = useFormat();
  const scores = useScores(run);
  if (scores.isPending) return <Loading label={t("analytics.sample.loading", { n: f.integer(run.customers) })} />;
  return (
    <QueryState query={scores}>
      {(sample) => (
        <>
          <p className="muted small sample-note">
            {sample.capped
              ? t("analytics.sample.capped", { n: f.integer(sample.items.length), total: f.integer(run.customers), cap: f.integer(SCORE_CAP) })
              : t("analytics.sample.all", { n: f.integer(sample.items.length) })}
          </p>
          {children(sample)}
        </>
      )}
    </QueryState>
  );
}
