import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../../api/client.ts";
import { ApiError, unwrap } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { FormDialog } from "../../../ui/form-dialog.tsx";
import { TextField } from "../../../ui/field.tsx";
import { AdminError } from "../access.tsx";
import type { CreatedIntegration } from "./create-integration.tsx";
import { platformIssuesSecret } from "./labels.ts";

/** Replaces the signing secret; the old one keeps verifying for the overlap, so no delivery is refused meanwhile. */
export function RotateSecret({ integration, open, onClose, onRotated }: { integration: CreatedIntegration["integration"]; open: boolean; onClose(): void; onRotated(result: CreatedIntegration): void }) {
  const t = useT();
  const [overlapHours, setOverlapHours] = useState("24");
  const [secret, setSecret] = useState("");
  const rotate = useMutation({
    mutationFn: () =>
      unwrap(
        api.v1.integrations[":integrationId"]["rotate-secret"].$post({
          param: { integrationId: integration.id },
          json: { overlapHours: Number(overlapHours), ...(secret.trim() ? { secret: secret.trim() } : {}) },
        }),
      ),
    onSuccess: (result) => {
      setSecret("");
      rotate.reset();
      onRotated(result);
    },
  });
  const error = rotate.error instanceof ApiError ? rotate.error : null;
  return (
    <FormDialog open={open} title={t("admin.integrations.rotateTitle")} formId="rotate-secret" submitLabel={t("admin.integrations.rotateSubmit")} busy={rotate.isPending} onSubmit={() => rotate.mutate()} onClose={onClose}>
      <p>{t("admin.integrations.rotateText")}</p>
      <TextField
        label={t("admin.integrations.overlapHours")}
        type="number"
        min={0}
        max={168}
        value={overlapHours}
        hint={t("admin.integrations.overlapHint")}
        error={error?.issueAt("json.overlapHours")}
        onChange={(event) => setOverlapHours(event.target.value)}
      />
      <TextField
        label={t("admin.integrations.newSecret")}
        type="password"
        autoComplete="off"
        required={platformIssuesSecret(integration.platform)}
        value={secret}
        hint={t(`admin.integrations.secretHint.${integration.platform}`)}
        error={error?.issueAt("json.secret")}
        onChange={(event) => setSecret(event.target.value)}
      />
      {error && !error.issueAt("json.secret") && !error.issueAt("json.overlapHours") && <AdminError error={error} />}
    </FormDialog>
  );
}
