import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useAccount } from "../../../account/account.tsx";
import { api } from "../../../api/client.ts";
import { ApiError, unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { TextField } from "../../../ui/field.tsx";
import { ConfirmDialog } from "../../../ui/confirm-dialog.tsx";
import type { Backup } from "./labels.ts";

type Target = "same" | "new" | "customer";
const TARGETS: Target[] = ["same", "new", "customer"];

/** Restore, after saying what will happen (the safety backup first, who must log in again) and the tenant's name typed out. */
export function RestoreDialog({ backup, open, onClose }: { backup: Backup; open: boolean; onClose(): void }) {
  const t = useT();
  const f = useFormat();
  const { me } = useAccount();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target>("same");
  const [customerId, setCustomerId] = useState("");
  const restore = useMutation({
    mutationFn: () =>
      unwrap(
        api.v1.backups[":backupId"].restore.$post({
          param: { backupId: backup.id },
          json: target === "customer" ? { into: "same", customerId: customerId.trim() } : { into: target },
        }),
      ),
    onSuccess: (row) => {
      queryClient.setQueryData(["backups", "one", backup.id], row);
      void queryClient.invalidateQueries({ queryKey: ["backups", "list"] });
      onClose();
    },
  });
  const tenantName = me?.tenant.name ?? "";
  const error = restore.error instanceof ApiError ? restore.error : null;
  return (
    <ConfirmDialog
      open={open}
      title={t("admin.backups.restoreDialogTitle", { at: f.dateTime(backup.createdAt) })}
      confirmLabel={t("admin.backups.restoreConfirm")}
      busy={restore.isPending}
      error={error && !error.issueAt("json.customerId") ? error : null}
      typeToConfirm={{ label: t("admin.backups.typeTenantName", { name: tenantName }), value: tenantName }}
      onConfirm={() => restore.mutate()}
      onClose={() => {
        restore.reset();
        onClose();
      }}
    >
      <fieldset className="radio-group">
        <legend>{t("admin.backups.restoreInto")}</legend>
        {TARGETS.map((value) => (
          <label key={value}>
            <input type="radio" name="restore-target" value={value} checked={target === value} onChange={() => setTarget(value)} />
            <span>
              <strong>{t(`admin.backups.target.${value}`)}</strong>
              <br />
              <span className="muted small">{t(`admin.backups.targetHint.${value}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {target === "customer" && (
        <TextField label={t("admin.backups.customerId")} value={customerId} error={error?.issueAt("json.customerId")} onChange={(event) => setCustomerId(event.target.value)} />
      )}
      <Alert tone="warning" title={t("admin.backups.safetyTitle")}>
        <p>{target === "new" ? t("admin.backups.safetyNew") : t("admin.backups.safetySame")}</p>
        {target === "same" && <p>{t("admin.backups.staffReturn")}</p>}
      </Alert>
    </ConfirmDialog>
  );
}
