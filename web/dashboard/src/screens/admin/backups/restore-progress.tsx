import { Link } from "wouter";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { Card } from "../../../ui/page.tsx";
import { ProgressBar } from "../../../ui/progress.tsx";
import { RESTORE_STEPS, restoreBusy, restoreStatusLabel, type Backup } from "./labels.ts";

/** The latest restore of a backup, step by step as the API reports it (polled by the page while it runs). */
export function RestoreProgress({ backup }: { backup: Backup }) {
  const t = useT();
  const f = useFormat();
  const restore = backup.restore!;
  const steps = RESTORE_STEPS.filter((step) => step !== "safety_backup" || restore.into === "same");
  const reached = restore.status === "failed" ? -1 : steps.indexOf(restore.status as (typeof steps)[number]);
  const target = restore.customerId ? t("admin.backups.intoCustomer", { id: restore.customerId }) : t(`admin.backups.into.${restore.into}`);
  return (
    <Card title={t("admin.backups.restoreTitle", { target })}>
      {restoreBusy(backup) && (
        <ProgressBar label={t("admin.backups.restoreProgress")} value={Math.max(reached, 0)} max={steps.length - 1} detail={t(restoreStatusLabel(restore.status))} />
      )}
      <ol className="checks" aria-label={t("admin.backups.restoreSteps")}>
        {steps.map((step, index) => (
          <li key={step} className={index <= reached ? undefined : "pending"} aria-current={step === restore.status ? "step" : undefined}>
            {t(restoreStatusLabel(step))}
            {step === restore.status && restore.status !== "completed" ? ` (${t("admin.backups.now")})` : ""}
          </li>
        ))}
      </ol>
      <p className="muted">{t("admin.backups.requested", { at: f.dateTime(restore.requestedAt) })}</p>
      {restore.status === "completed" && (
        <Alert tone="success" title={t("admin.backups.restoreDone", { rows: f.integer(restore.rows ?? 0) })}>
          {restore.targetTenantId && <p>{t("admin.backups.newTenant", { id: restore.targetTenantId })}</p>}
          {restore.safetyBackupId && (
            <p>
              <Link href={`/backups/${restore.safetyBackupId}`}>{t("admin.backups.safetyBackupLink")}</Link>
            </p>
          )}
        </Alert>
      )}
      {restore.status === "failed" && <Alert tone="error" title={t("admin.backups.restoreFailed")}>{restore.error}</Alert>}
    </Card>
  );
}
