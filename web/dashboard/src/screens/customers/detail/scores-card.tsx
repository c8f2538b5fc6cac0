import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client.ts";
import { ApiError, unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Card, EmptyState, Stat } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { minorPerUnit } from "../customer-api.ts";
import { labelOf } from "../labels.ts";

/** The latest scores, or null when no finished run has scored the customer yet (a 404 here). */
async function fetchScores(customerId: string) {
  try {
    return await unwrap(api.v1.customers[":customerId"].scores.$get({ param: { customerId } }));
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) return null;
    throw error;
  }
}

/** The words describing a run's cluster ("high spend, frequent"), translated word by word. */
function useClusterLabel(runId: string | undefined, cluster: number | null | undefined): string | null {
  const t = useT();
  const run = useQuery({
    queryKey: ["segmentation", "run", runId],
    queryFn: () => unwrap(api.v1.segmentation.runs[":runId"].$get({ param: { runId: runId! } })),
    enabled: Boolean(runId) && cluster !== null && cluster !== undefined,
    staleTime: 300_000,
  });
  const clusters = run.data?.model.clusters as { descriptions?: { label?: string }[] } | undefined;
  const label = cluster === null || cluster === undefined ? undefined : clusters?.descriptions?.[cluster]?.label;
  return label ? label.split(", ").map((word) => labelOf(t, "portraitTags", word)).join(t("customers.scores.traitSeparator")) : null;
}

/** RFM segment, P(alive), predicted CLV, next order, cluster and loyalty type from the latest run. */
export function ScoresCard({ customerId }: { customerId: string }) {
  const t = useT();
  const f = useFormat();
  const scores = useQuery({ queryKey: ["customers", "scores", customerId], queryFn: () => fetchScores(customerId) });
  const clusterLabel = useClusterLabel(scores.data?.runId, scores.data?.cluster);
  const notEnough = t("customers.scores.notEnoughData");
  return (
    <Card title={t("customers.scores.title")}>
      <QueryState query={scores}>
        {(score) =>
          score === null ? (
            <EmptyState title={t("customers.scores.notScored")}>
              <p>{t("customers.scores.notScoredHint")}</p>
            </EmptyState>
          ) : (
            <>
              <div className="stats score-stats">
                <Stat label={t("customers.scores.segment")} value={labelOf(t, "segments", score.segment)} detail={t("customers.scores.rfm", { r: score.r, f: score.f, m: score.m })} />
                <Stat label={t("customers.scores.pAlive")} value={score.pAlive === null ? "—" : f.percent(score.pAlive)} detail={score.pAlive === null ? notEnough : undefined} />
                <Stat
                  label={t("customers.scores.clv")}
                  value={score.clvMinor === null ? "—" : f.money(score.clvMinor / minorPerUnit(f.currency))}
                  detail={score.clvMinor === null ? notEnough : t("customers.scores.clvHint")}
                />
                <Stat
                  label={t("customers.scores.nextOrder")}
                  value={score.nextOrderAt === null ? "—" : f.date(score.nextOrderAt)}
                  detail={score.nextOrderAt === null ? notEnough : f.relative(score.nextOrderAt)}
                />
                <Stat label={t("customers.scores.cluster")} value={score.cluster === null ? "—" : t("customers.scores.clusterN", { n: score.cluster })} detail={score.cluster === null ? notEnough : clusterLabel ?? undefined} />
                <Stat label={t("customers.scores.loyalty")} value={score.loyalty === null ? "—" : labelOf(t, "loyalty", score.loyalty)} detail={score.loyalty === "unknown" ? t("customers.scores.loyaltyUnknown") : undefined} />
              </div>
              <p className="muted small">
                {t("customers.scores.basis", {
                  orders: f.integer(score.orders),
                  days: f.integer(score.recencyDays),
                  spend: f.money(score.monetaryMinor / minorPerUnit(f.currency)),
                  date: f.date(score.asOf),
                })}
                {score.churnRisk !== null && ` ${t("customers.scores.churnRisk", { risk: f.percent(score.churnRisk) })}`}
              </p>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
