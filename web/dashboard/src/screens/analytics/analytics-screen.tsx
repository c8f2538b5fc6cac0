import { useState } from "react";
import { useLocation, useSearchParams } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { EmptyState, Page } from "../../ui/page.tsx";
import { Loading, QueryState } from "../../ui/query-state.tsx";
import { RunPicker } from "./run-picker.tsx";
import { RunView } from "./run-view.tsx";
import { useRun, useRuns } from "./run-queries.ts";
import { StartRunDialog } from "./start-run-dialog.tsx";

/**
 * /analytics: the run named by ?run= (else the latest finished one), its live progress while
 * it is under way, and its charts once it is done. Starting a run puts its id in the address,
 * so a reload keeps following it.
 */
export function AnalyticsScreen() {
  const t = useT();
  const { hasRole } = useAccount();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const [starting, setStarting] = useState(false);
  const runs = useRuns();
  const asked = params.get("run");
  const latestDone = runs.data?.items.find((run) => run.status === "done")?.id ?? null;
  const runId = asked ?? latestDone ?? runs.data?.items[0]?.id ?? null;
  const run = useRun(runId);
  const canRun = hasRole("owner", "admin");

  // Absolute (~), since a nested route's own "/" would add a trailing slash to /analytics.
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set("run", id);
    navigate(`~/analytics?${next.toString()}`);
  };

  return (
    <Page
      title={t("analytics.title")}
      description={t("analytics.description")}
      actions={
        canRun ? (
          <Button variant="primary" onClick={() => setStarting(true)}>
            {t("analytics.start.button")}
          </Button>
        ) : (
          <p className="muted small">{t("analytics.start.notAllowed")}</p>
        )
      }
    >
      <StartRunDialog open={starting} onClose={() => setStarting(false)} onStarted={(started) => { setStarting(false); choose(started.id); }} />
      <QueryState query={runs}>
        {(data) =>
          data.items.length === 0 && !asked ? (
            <EmptyState title={t("analytics.empty.title")}>
              <p>{canRun ? t("analytics.empty.canRun") : t("analytics.empty.cannotRun")}</p>
            </EmptyState>
          ) : (
            <>
              <RunPicker runs={data.items} current={run.data} selected={runId} onChoose={choose} />
              {run.isPending && runId ? <Loading /> : run.isError ? <ErrorAlert error={run.error} /> : run.data ? <RunView run={run.data} /> : null}
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
