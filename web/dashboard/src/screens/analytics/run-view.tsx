import { Link, useSearchParams } from "wouter";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/translate.ts";
import { Alert } from "../../ui/alert.tsx";
import { Stat } from "../../ui/page.tsx";
import { ClustersSection } from "./clusters-section.tsx";
import { DiagnosticsSection } from "./diagnostics-section.tsx";
import { LoyaltySection } from "./loyalty-section.tsx";
import { OtherCurrenciesAlert } from "./other-currencies-alert.tsx";
import { RfmSection } from "./rfm-section.tsx";
import { RunProgress } from "./run-progress.tsx";
import { isActive, modelOf, type Run } from "./run-model.ts";
import { ValueSection } from "./value-section.tsx";

const SECTIONS = ["rfm", "value", "clusters", "loyalty", "diagnostics"] as const;
type Section = (typeof SECTIONS)[number];

const SECTION_KEYS: Record<Section, MessageKey> = {
  rfm: "analytics.sections.rfm",
  value: "analytics.sections.value",
  clusters: "analytics.sections.clusters",
  loyalty: "analytics.sections.loyalty",
  diagnostics: "analytics.sections.diagnostics",
};

/** One run: its progress while under way, its failure, or its summary and sections once done. */
export function RunView({ run }: { run: Run }) {
  const t = useT();
  const f = useFormat();
  const [params] = useSearchParams();
  if (isActive(run)) return <RunProgress run={run} />;
  if (run.status === "failed")
    return (
      <Alert tone="error" title={t("analytics.failed.title")}>
        <p>{t("analytics.failed.detail", { error: run.error ?? t("common.unknown") })}</p>
      </Alert>
    );
  const asked = params.get("section") as Section | null;
  const section: Section = asked && SECTIONS.includes(asked) ? asked : "rfm";
  const hrefOf = (next: Section) => {
    const query = new URLSearchParams(params);
    query.set("run", run.id);
    query.set("section", next);
    return `~/analytics?${query.toString()}`;
  };
  const model = modelOf(run);
  return (
    <>
      <OtherCurrenciesAlert run={run} />
      <div className="stats">
        <Stat label={t("analytics.summary.customers")} value={f.integer(run.customers)} />
        <Stat label={t("analytics.summary.asOf")} value={f.date(run.asOf)} />
        <Stat label={t("analytics.summary.finished")} value={run.finishedAt ? f.date(run.finishedAt) : "—"} detail={run.finishedAt ? f.relative(run.finishedAt) : undefined} />
        <Stat label={t("analytics.summary.clusters")} value={model.clusters?.k ? f.integer(model.clusters.k) : "—"} />
        <Stat label={t("analytics.summary.rules")} value={f.integer(model.rules?.rules.length ?? 0)} />
      </div>
      <nav className="tabs" aria-label={t("analytics.sections.label")}>
        {SECTIONS.map((key) => (
          <Link key={key} href={hrefOf(key)} aria-current={key === section ? "page" : undefined}>
            {t(SECTION_KEYS[key])}
          </Link>
        ))}
      </nav>
      {section === "rfm" && <RfmSection run={run} />}
      {section === "value" && <ValueSection run={run} />}
      {section === "clusters" && <ClustersSection run={run} />}
      {section === "loyalty" && <LoyaltySection run={run} />}
      {section === "diagnostics" && <DiagnosticsSection run={run} />}
    </>
  );
}
