import { useT } from "../../i18n/i18n.tsx";
import type { ImportStatus } from "./import-api.ts";

const STEPS = ["mapping", "dryRun", "run", "result"] as const;
const CURRENT: Record<ImportStatus, (typeof STEPS)[number]> = {
  uploaded: "mapping",
  failed: "mapping",
  validating: "dryRun",
  validated: "dryRun",
  running: "run",
  done: "result",
};

/** Where an import stands among its four stages, the current one marked for screen readers. */
export function ImportFlow({ status }: { status: ImportStatus }) {
  const t = useT();
  const current = STEPS.indexOf(CURRENT[status]);
  return (
    <ol className="import-flow" aria-label={t("imports.detail.flow")}>
      {STEPS.map((step, index) => (
        <li key={step} className={index < current || status === "done" ? "done" : index === current ? "current" : undefined} aria-current={index === current ? "step" : undefined}>
          <span className="import-flow-number" aria-hidden="true">
            {index + 1}
          </span>
          {t(`imports.detail.flowSteps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
