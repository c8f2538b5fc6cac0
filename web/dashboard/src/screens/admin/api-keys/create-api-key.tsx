import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { api } from "../../../api/client.ts";
import { ApiError, unwrap, type Ok } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { FormDialog } from "../../../ui/form-dialog.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { AdminError } from "../access.tsx";
import { roleLabel } from "../members/roles.ts";

export type CreatedKey = Ok<Awaited<ReturnType<(typeof api.v1)["api-keys"]["$post"]>>>;
type Kind = "secret" | "publishable";
const KEY_ROLES = ["admin", "analyst", "viewer"] as const;

/** The form for a new key: a name, its kind, a secret key's role, an optional end date. */
export function CreateApiKey({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(created: CreatedKey): void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<Kind>("secret");
  const [role, setRole] = useState<(typeof KEY_ROLES)[number]>("analyst");
  const [expires, setExpires] = useState("");
  const create = useMutation({
    mutationFn: () => {
      const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined;
      const json = kind === "secret" ? { kind, name, role, expiresAt } : { kind, name, expiresAt };
      return unwrap(api.v1["api-keys"].$post({ json }));
    },
    onSuccess: (created) => {
      setName("");
      setExpires("");
      create.reset();
      void queryClient.invalidateQueries({ queryKey: ["api-keys"] });
      onCreated(created);
    },
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const fieldError = (field: string) => error?.issueAt(`json.${field}`);
  return (
    <FormDialog open={open} title={t("admin.apiKeys.createTitle")} formId="create-api-key" submitLabel={t("admin.apiKeys.createSubmit")} busy={create.isPending} onSubmit={() => create.mutate()} onClose={onClose}>
      <TextField label={t("admin.apiKeys.name")} required value={name} error={fieldError("name")} hint={t("admin.apiKeys.nameHint")} onChange={(event) => setName(event.target.value)} />
      <SelectField label={t("admin.apiKeys.kind")} value={kind} hint={t(`admin.apiKeys.kindHint.${kind}`)} onChange={(event) => setKind(event.target.value as Kind)}>
        <option value="secret">{t("admin.apiKeys.kinds.secret")}</option>
        <option value="publishable">{t("admin.apiKeys.kinds.publishable")}</option>
      </SelectField>
      {kind === "secret" ? (
        <SelectField label={t("admin.apiKeys.role")} value={role} error={fieldError("role")} onChange={(event) => setRole(event.target.value as (typeof KEY_ROLES)[number])}>
          {KEY_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(roleLabel(value))}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="field-hint">
          {t("admin.apiKeys.originsNote")} <Link href="/general">{t("admin.apiKeys.originsLink")}</Link>
        </p>
      )}
      <TextField label={t("admin.apiKeys.expiresOptional")} type="date" value={expires} error={fieldError("expiresAt")} onChange={(event) => setExpires(event.target.value)} />
      {error && !["name", "role", "expiresAt"].some((field) => fieldError(field)) && <AdminError error={error} />}
    </FormDialog>
  );
}
