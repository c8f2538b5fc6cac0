import type { ReactNode } from "react";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/alert.tsx";
import { DataTable } from "../../ui/data-table.tsx";
import { Card } from "../../ui/page.tsx";
import { stageLabel } from "./labels.ts";
import { diagnosticsOf, modelOf, STAGES, type FitDiagnostics, type FitSummary, type Run } from "./run-model.ts";

type Row = { label: string; value: ReactNode };

function Facts({ rows }: { rows: Row[] }) {
  return (
    <dl className="facts">
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function StatusChip({ status }: { status: string | undefined }) {
  const t = useT();
  const tone = status === "ok" ? "chip-success" : status === "not-converged" ? "chip-danger" : "chip-warning";
  const key = status === "ok" ? "ok" : status === "not-converged" ? "notConverged" : "insufficient";
  return <span className={`chip ${tone}`}>{t(`analytics.diagnostics.status.${key}`)}</span>;
}

/** One fitted model: its parameters and how the fit went, or why there is no model. */
function FitCard({ title, fit, diagnostics, params, extra }: { title: string; fit: FitSummary | undefined; diagnostics: FitDiagnostics | undefined; params: Row[]; extra?: Row[] }) {
  const t = useT();
  const f = useFormat();
  const status = fit?.status ?? diagnostics?.status;
  const fitRows: Row[] = [
    { label: t("analytics.diagnostics.converged"), value: diagnostics?.converged === undefined ? "—" : diagnostics.converged ? t("common.yes") : t("common.no") },
    { label: t("analytics.diagnostics.iterations"), value: diagnostics?.iterations === undefined ? "—" : f.integer(diagnostics.iterations) },
    { label: t("analytics.diagnostics.logLikelihood"), value: diagnostics?.logLikelihood === undefined ? "—" : f.number(diagnostics.logLikelihood) },
    { label: t("analytics.diagnostics.penalty"), value: f.number(fit?.penalty ?? diagnostics?.penalty ?? 0) },
    { label: t("analytics.diagnostics.customers"), value: diagnostics?.customers === undefined ? "—" : f.integer(diagnostics.customers) },
    ...(extra ?? []),
  ];
  return (
    <Card title={title} actions={<StatusChip status={status} />}>
      {status === "insufficient" && (
        <Alert tone="warning" title={t("analytics.diagnostics.insufficientTitle")}>
          <p>{t("analytics.notEnough", { reason: fit?.reason ?? diagnostics?.reason ?? "" })}</p>
        </Alert>
      )}
      {status === "not-converged" && (
        <Alert tone="warning" title={t("analytics.diagnostics.notConvergedTitle")}>
          <p>{t("analytics.diagnostics.notConverged", { reason: fit?.reason ?? diagnostics?.reason ?? "" })}</p>
        </Alert>
      )}
      {status === "ok" && <Facts rows={params} />}
      {status !== "insufficient" && <Facts rows={fitRows} />}
    </Card>
  );
}

/** Model diagnostics: BG/NBD and Gamma-Gamma with their time unit, the one-time buyers' curve, clustering and timings. */
export function DiagnosticsSection({ run }: { run: Run }) {
  const t = useT();
  const f = useFormat();
  const model = modelOf(run);
  const diagnostics = diagnosticsOf(run);
  const unit = model.timeUnit === "week" ? t("analytics.diagnostics.week") : (model.timeUnit ?? "—");
  const precise = new Intl.NumberFormat(f.locale, { maximumSignificantDigits: 4 });
  const p = (fit: FitSummary | undefined, key: string) => (fit?.params?.[key] === undefined ? "—" : precise.format(fit.params[key]!));
  const spend = diagnostics.gammaGamma?.frequencySpend;
  const thresholds = diagnostics.thresholds;
  return (
    <>
      <p className="muted">{t("analytics.diagnostics.timeUnit", { unit })}</p>
      <div className="grid analytics-grid">
        <FitCard
          title={t("analytics.diagnostics.bgNbd")}
          fit={model.bgNbd}
          diagnostics={diagnostics.bgNbd}
          params={[
            { label: t("analytics.diagnostics.bgR"), value: p(model.bgNbd, "r") },
            { label: t("analytics.diagnostics.bgAlpha", { unit }), value: p(model.bgNbd, "alpha") },
            { label: t("analytics.diagnostics.bgA"), value: p(model.bgNbd, "a") },
            { label: t("analytics.diagnostics.bgB"), value: p(model.bgNbd, "b") },
          ]}
          extra={[{ label: t("analytics.diagnostics.histories"), value: diagnostics.bgNbd?.distinctHistories === undefined ? "—" : f.integer(diagnostics.bgNbd.distinctHistories) }]}
        />
        <FitCard
          title={t("analytics.diagnostics.gammaGamma")}
          fit={model.gammaGamma}
          diagnostics={diagnostics.gammaGamma}
          params={[
            { label: t("analytics.diagnostics.ggP"), value: p(model.gammaGamma, "p") },
            { label: t("analytics.diagnostics.ggQ"), value: p(model.gammaGamma, "q") },
            { label: t("analytics.diagnostics.ggV"), value: p(model.gammaGamma, "v") },
          ]}
          extra={spend ? [{ label: t("analytics.diagnostics.spendCorrelation"), value: `${f.number(spend.correlation)}${spend.warning ? ` ⚠ ${t("analytics.diagnostics.spendWarning")}` : ""}` }] : []}
        />
        <Card title={t("analytics.diagnostics.secondOrder")} actions={<StatusChip status={diagnostics.secondOrder?.status} />}>
          <p className="muted small">{t("analytics.diagnostics.secondOrderExplain")}</p>
          {diagnostics.secondOrder?.status === "ok" ? (
            <Facts rows={[{ label: t("analytics.diagnostics.returners"), value: f.integer(diagnostics.secondOrder.returners ?? 0) }, { label: t("analytics.diagnostics.customers"), value: f.integer(diagnostics.secondOrder.customers ?? 0) }]} />
          ) : (
            <Alert tone="warning" title={t("analytics.diagnostics.insufficientTitle")}>
              <p>{t("analytics.notEnough", { reason: diagnostics.secondOrder?.reason ?? "" })}</p>
            </Alert>
          )}
        </Card>
      </div>
      <div className="grid analytics-grid">
        <Card title={t("analytics.diagnostics.candidates")}>
          <DataTable
            caption={t("analytics.diagnostics.candidates")}
            rows={diagnostics.clusterCandidates ?? []}
            rowKey={(row) => String(row.k)}
            empty={model.clusters?.reason ? t("analytics.notEnough", { reason: model.clusters.reason }) : t("analytics.clusters.none")}
            columns={[
              { key: "k", header: "k", align: "end", cell: (row) => (row.k === model.clusters?.k ? <strong>{f.integer(row.k)} ✓</strong> : f.integer(row.k)) },
              { key: "silhouette", header: t("analytics.diagnostics.silhouette"), align: "end", cell: (row) => precise.format(row.silhouette) },
              { key: "inertia", header: t("analytics.diagnostics.inertia"), align: "end", cell: (row) => f.integer(row.inertia) },
            ]}
          />
        </Card>
        <Card title={t("analytics.diagnostics.thresholds")}>
          <Facts
            rows={[
              { label: t("analytics.diagnostics.bgNbd"), value: t("analytics.diagnostics.bgThreshold", { customers: thresholds?.bgNbd?.minCustomers ?? "—", repeat: thresholds?.bgNbd?.minRepeatBuyers ?? "—" }) },
              { label: t("analytics.diagnostics.gammaGamma"), value: t("analytics.diagnostics.ggThreshold", { repeat: thresholds?.gammaGamma?.minRepeatBuyers ?? "—" }) },
              { label: t("analytics.diagnostics.secondOrder"), value: t("analytics.diagnostics.curveThreshold", { returners: thresholds?.secondOrderCurve?.minReturners ?? "—" }) },
            ]}
          />
          <h3 className="small-heading">{t("analytics.diagnostics.timings")}</h3>
          <Facts rows={STAGES.flatMap((stage) => (diagnostics.timings?.[stage] === undefined ? [] : [[stage, diagnostics.timings[stage]] as const])).map(([stage, ms]) => ({ label: stageLabel(t, stage), value: t("analytics.diagnostics.ms", { n: f.integer(ms) }) }))} />
        </Card>
      </div>
    </>
  );
}
