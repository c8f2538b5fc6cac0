import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "wouter";
import { useAccount } from "../../../account/account.tsx";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { Card, Page, Stat } from "../../../ui/page.tsx";
import { ProgressBar } from "../../../ui/progress.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { AdminError, MANAGERS, RoleGate } from "../access.tsx";
import { formatBytes } from "../bytes.ts";
import { downloadBackup } from "./download.ts";
import { backupStatusLabel, isBusy, restoreBusy, statusChip, triggerLabel, type Backup } from "./labels.ts";
import { RestoreDialog } from "./restore-dialog.tsx";
import { RestoreProgress } from "./restore-progress.tsx";
import { VerificationCard } from "./verification-card.tsx";

function Progress({ backup }: { backup: Backup }) {
  const t = useT();
  const f = useFormat();
  const { progress } = backup;
  const detail = progress.tablesTotal
    ? t("admin.backups.progressDetail", { done: f.integer(progress.tablesDone), total: f.integer(progress.tablesTotal), rows: f.integer(progress.rows) })
    : t("admin.backups.waiting");
  return (
    <Card title={t(backupStatusLabel(backup.status))}>
      <ProgressBar label={t("admin.backups.progressLabel")} value={progress.tablesTotal ? progress.tablesDone : null} max={progress.tablesTotal} detail={detail} />
      {progress.table && <p className="muted">{t("admin.backups.currentTable", { table: progress.table })}</p>}
    </Card>
  );
}

function Body({ backup }: { backup: Backup }) {
  const t = useT();
  const f = useFormat();
  const { hasRole } = useAccount();
  const owner = hasRole("owner");
  const [restoring, setRestoring] = useState(false);
  const download = useMutation({ mutationFn: () => downloadBackup(backup.id) });
  const completed = backup.status === "completed";
  const tables = Object.entries(backup.tables).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      {completed && owner && (
        <div className="toolbar">
          <Button busy={download.isPending} onClick={() => download.mutate()}>
            {t("admin.backups.download")}
          </Button>
          <Button variant="danger" disabled={restoreBusy(backup)} onClick={() => setRestoring(true)}>
            {t("admin.backups.restore")}
          </Button>
        </div>
      )}
      {completed && !owner && <p className="muted">{t("admin.backups.ownersOnly")}</p>}
      <AdminError error={download.error} />
      {isBusy(backup.status) && <Progress backup={backup} />}
      {backup.status === "failed" && <Alert tone="error" title={t("admin.backups.failed")}>{backup.error}</Alert>}
      {backup.restore && <RestoreProgress backup={backup} />}
      <div className="stats">
        <Stat label={t("admin.backups.statusLabel")} value={<span className={statusChip(backup.status)}>{t(backupStatusLabel(backup.status))}</span>} detail={t(triggerLabel(backup.trigger))} />
        <Stat label={t("admin.backups.rows")} value={f.integer(backup.rows)} detail={t("admin.backups.tablesCount", { n: f.integer(tables.length) })} />
        <Stat label={t("admin.backups.stored")} value={formatBytes(backup.sizeBytes, f.locale)} detail={t("admin.backups.uncompressedDetail", { size: formatBytes(backup.plainBytes, f.locale) })} />
        <Stat label={t("admin.backups.finished")} value={backup.finishedAt ? f.dateTime(backup.finishedAt) : "—"} detail={backup.keyId ? t("admin.backups.keyId", { id: backup.keyId }) : undefined} />
      </div>
      {completed && <VerificationCard backup={backup} />}
      {tables.length > 0 && (
        <Card title={t("admin.backups.tables")}>
          <DataTable
            caption={t("admin.backups.tables")}
            rows={tables}
            rowKey={([name]) => name}
            columns={[
              { key: "table", header: t("admin.backups.table"), cell: ([name]) => <code>{name}</code> },
              { key: "rows", header: t("admin.backups.rows"), align: "end", cell: ([, rows]) => f.integer(rows) },
            ]}
          />
        </Card>
      )}
      <RestoreDialog backup={backup} open={restoring} onClose={() => setRestoring(false)} />
    </>
  );
}

/** One backup: live progress while it runs, then its contents, verification, download and restore. */
export function BackupDetail() {
  const t = useT();
  const f = useFormat();
  const { backupId } = useParams<{ backupId: string }>();
  const queryClient = useQueryClient();
  const manager = useAccount().hasRole(...MANAGERS);
  const backup = useQuery({
    queryKey: ["backups", "one", backupId],
    queryFn: async () => {
      const row = await unwrap(api.v1.backups[":backupId"].$get({ param: { backupId } }));
      if (!isBusy(row.status) && !restoreBusy(row)) void queryClient.invalidateQueries({ queryKey: ["backups", "list"] });
      return row;
    },
    refetchInterval: (query) => (query.state.data && (isBusy(query.state.data.status) || restoreBusy(query.state.data)) ? 1_500 : false),
    enabled: manager,
  });
  return (
    <Page title={backup.data ? t("admin.backups.detailTitle", { at: f.dateTime(backup.data.createdAt) }) : t("admin.backups.detailTitleLoading")} actions={<Link href="/backups">{t("admin.backups.back")}</Link>}>
      <RoleGate roles={MANAGERS}>
        <QueryState query={backup}>{(row) => <Body backup={row} />}</QueryState>
      </RoleGate>
    </Page>
  );
}
