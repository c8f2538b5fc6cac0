import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useAccount } from "../../../account/account.tsx";
import { ApiError } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { TextField } from "../../../ui/field.tsx";
import { Card } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { AdminError, MANAGERS } from "../access.tsx";
import { saveSettings, settingsQuery, type Settings } from "../general/settings-query.ts";

const KINDS = ["daily", "weekly", "monthly"] as const;

function RetentionForm({ settings }: { settings: Settings }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { hasRole } = useAccount();
  const editable = hasRole(...MANAGERS);
  const [values, setValues] = useState(() => ({ ...settings.backupRetention }) as Record<(typeof KINDS)[number], number | string>);
  useEffect(() => setValues({ ...settings.backupRetention }), [settings.backupRetention]);
  const save = useMutation({
    mutationFn: () => saveSettings(queryClient, { backupRetention: { daily: Number(values.daily), weekly: Number(values.weekly), monthly: Number(values.monthly) } }),
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">{t("admin.backups.retentionText")}</p>
      <div className="form-grid">
        {KINDS.map((kind) => (
          <TextField
            key={kind}
            label={t(`admin.backups.retention.${kind}`)}
            type="number"
            min={kind === "daily" ? 1 : 0}
            value={values[kind]}
            disabled={!editable}
            error={error?.issueAt(`json.backupRetention.${kind}`)}
            onChange={(event) => setValues((previous) => ({ ...previous, [kind]: event.target.value }))}
          />
        ))}
      </div>
      {save.isSuccess && <Alert tone="success">{t("admin.backups.retentionSaved")}</Alert>}
      {error && !KINDS.some((kind) => error.issueAt(`json.backupRetention.${kind}`)) && <AdminError error={error} />}
      {editable && (
        <Button type="submit" busy={save.isPending}>
          {t("admin.backups.retentionSave")}
        </Button>
      )}
    </form>
  );
}

/** How many daily, weekly and monthly backups the nightly retention keeps. */
export function RetentionCard() {
  const t = useT();
  const settings = useQuery(settingsQuery);
  return (
    <Card title={t("admin.backups.retentionTitle")}>
      <QueryState query={settings}>{(data) => <RetentionForm settings={data} />}</QueryState>
    </Card>
  );
}
