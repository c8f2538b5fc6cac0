import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/button.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { EmptyState, Page } from "../../../ui/page.tsx";
import { ProgressBar } from "../../../ui/progress.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { AdminError, MANAGERS, RoleGate } from "../access.tsx";
import { formatBytes } from "../bytes.ts";
import { CursorPager, useCursorPages } from "../cursor-pager.tsx";
import { backupStatusLabel, isBusy, restoreBusy, restoreStatusLabel, statusChip, triggerLabel, type Backup } from "./labels.ts";
import { RetentionCard } from "./retention-card.tsx";

function Verified({ backup }: { backup: Backup }) {
  const t = useT();
  if (!backup.verification) return <span className="muted">{t("admin.backups.notVerified")}</span>;
  return backup.verification.ok ? <span className="chip chip-success">{t("admin.backups.verified")}</span> : <span className="chip chip-danger">{t("admin.backups.damaged")}</span>;
}

function BackupsList() {
  const t = useT();
  const f = useFormat();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const pages = useCursorPages();
  const backups = useQuery({
    queryKey: ["backups", "list", pages.cursor],
    queryFn: () => unwrap(api.v1.backups.$get({ query: { limit: "20", ...(pages.cursor ? { cursor: pages.cursor } : {}) } })),
    refetchInterval: (query) => (query.state.data?.items.some((item) => isBusy(item.status) || restoreBusy(item)) ? 2_000 : false),
  });
  const backUp = useMutation({
    mutationFn: () => unwrap(api.v1.backups.$post()),
    onSuccess: (backup) => {
      void queryClient.invalidateQueries({ queryKey: ["backups"] });
      navigate(`/backups/${backup.id}`);
    },
  });
  return (
    <>
      <div className="toolbar">
        <Button variant="primary" busy={backUp.isPending} onClick={() => backUp.mutate()}>
          {t("admin.backups.backUpNow")}
        </Button>
      </div>
      <AdminError error={backUp.error} />
      <QueryState query={backups}>
        {(data) => (
          <>
            <DataTable
              caption={t("admin.backups.title")}
              rows={data.items}
              rowKey={(row) => row.id}
              empty={<EmptyState title={t("admin.backups.emptyTitle")}>{t("admin.backups.emptyText")}</EmptyState>}
              columns={[
                { key: "created", header: t("admin.backups.created"), cell: (row) => <Link href={`/backups/${row.id}`}>{f.dateTime(row.createdAt)}</Link> },
                { key: "trigger", header: t("admin.backups.triggerLabel"), cell: (row) => t(triggerLabel(row.trigger)) },
                {
                  key: "status",
                  header: t("admin.backups.statusLabel"),
                  cell: (row) =>
                    isBusy(row.status) ? (
                      <ProgressBar label={t(backupStatusLabel(row.status))} value={row.progress.tablesTotal ? row.progress.tablesDone : null} max={row.progress.tablesTotal} />
                    ) : (
                      <span className={statusChip(row.status)}>{t(backupStatusLabel(row.status))}</span>
                    ),
                },
                { key: "rows", header: t("admin.backups.rows"), align: "end", cell: (row) => f.integer(row.rows) },
                { key: "size", header: t("admin.backups.stored"), align: "end", cell: (row) => formatBytes(row.sizeBytes, f.locale) },
                { key: "plain", header: t("admin.backups.uncompressed"), align: "end", cell: (row) => formatBytes(row.plainBytes, f.locale) },
                { key: "verified", header: t("admin.backups.verification"), cell: (row) => <Verified backup={row} /> },
                { key: "restore", header: t("admin.backups.lastRestore"), cell: (row) => (row.restore ? <span className={statusChip(row.restore.status)}>{t(restoreStatusLabel(row.restore.status))}</span> : "—") },
              ]}
            />
            <CursorPager pages={pages} nextCursor={data.nextCursor} />
          </>
        )}
      </QueryState>
      <RetentionCard />
    </>
  );
}

/** Every backup with its state, a backup on demand, and how many are kept. */
export function BackupsScreen() {
  const t = useT();
  return (
    <Page title={t("admin.backups.title")} description={t("admin.backups.description")}>
      <RoleGate roles={MANAGERS}>
        <BackupsList />
      </RoleGate>
    </Page>
  );
}
