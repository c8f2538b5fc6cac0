import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/page.tsx";
import { AdminError } from "../access.tsx";
import type { Backup } from "./labels.ts";

/** Reads the backup back and says what was checked: every part's size and hash, every table's rows and hash. */
export function VerificationCard({ backup }: { backup: Backup }) {
  const t = useT();
  const f = useFormat();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => unwrap(api.v1.backups[":backupId"].verify.$post({ param: { backupId: backup.id } })),
    onSuccess: (row) => {
      queryClient.setQueryData(["backups", "one", backup.id], row);
      void queryClient.invalidateQueries({ queryKey: ["backups", "list"] });
    },
  });
  const verification = backup.verification;
  const tables = Object.keys(backup.tables).length;
  return (
    <Card
      title={t("admin.backups.verification")}
      actions={
        <Button variant="primary" busy={verify.isPending} onClick={() => verify.mutate()}>
          {verify.isPending ? t("admin.backups.verifying") : t("admin.backups.verify")}
        </Button>
      }
    >
      <AdminError error={verify.error} />
      {!verification && <p className="muted">{t("admin.backups.verifyText")}</p>}
      {verification && (
        <div aria-live="polite">
          {verification.ok ? (
            <Alert tone="success" title={t("admin.backups.verifiedAt", { at: f.dateTime(verification.at) })} />
          ) : (
            <Alert tone="error" title={t("admin.backups.damagedAt", { at: f.dateTime(verification.at) })}>
              <ul>
                {verification.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </Alert>
          )}
          <ul className="checks">
            <li>{t("admin.backups.checkParts", { n: f.integer(verification.parts) })}</li>
            <li>{t("admin.backups.checkDecrypted", { key: backup.keyId ?? "—" })}</li>
            <li>{t("admin.backups.checkTables", { n: f.integer(tables), rows: f.integer(verification.rows) })}</li>
            <li>{t("admin.backups.checkManifest")}</li>
          </ul>
        </div>
      )}
    </Card>
  );
}
