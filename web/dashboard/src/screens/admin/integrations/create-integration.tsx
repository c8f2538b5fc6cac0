import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../../api/client.ts";
import { ApiError, unwrap, type Ok } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { FormDialog } from "../../../ui/form-dialog.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { AdminError } from "../access.tsx";
import { PLATFORMS, platformIssuesSecret, platformLabel, type Platform } from "./labels.ts";

export type CreatedIntegration = Ok<Awaited<ReturnType<(typeof api.v1.integrations)["$post"]>>>;

/** The form to connect a shop: the fields its platform needs, nothing more. */
export function CreateIntegration({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(created: CreatedIntegration): void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [platform, setPlatform] = useState<Platform>("shopify");
  const [name, setName] = useState("");
  const [shopDomain, setShopDomain] = useState("");
  const [secret, setSecret] = useState("");
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.v1.integrations.$post({
          json: { platform, name, ...(platform === "shopify" && shopDomain.trim() ? { shopDomain: shopDomain.trim() } : {}), ...(secret.trim() ? { secret: secret.trim() } : {}) },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ["integrations"] });
      setName("");
      setShopDomain("");
      setSecret("");
      create.reset();
      onCreated(created);
    },
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const fieldError = (field: string) => error?.issueAt(`json.${field}`);
  const fieldIssues = ["platform", "name", "shopDomain", "secret"].some((field) => fieldError(field));
  return (
    <FormDialog open={open} title={t("admin.integrations.createTitle")} formId="create-integration" submitLabel={t("admin.integrations.createSubmit")} busy={create.isPending} onSubmit={() => create.mutate()} onClose={onClose}>
      <SelectField label={t("admin.integrations.platform")} value={platform} error={fieldError("platform")} onChange={(event) => setPlatform(event.target.value as Platform)}>
        {PLATFORMS.map((value) => (
          <option key={value} value={value}>
            {t(platformLabel(value))}
          </option>
        ))}
      </SelectField>
      <TextField label={t("admin.integrations.name")} required value={name} error={fieldError("name")} hint={t("admin.integrations.nameHint")} onChange={(event) => setName(event.target.value)} />
      {platform === "shopify" && (
        <TextField label={t("admin.integrations.shopDomain")} value={shopDomain} placeholder="example.myshopify.com" error={fieldError("shopDomain")} hint={t("admin.integrations.shopDomainHint")} onChange={(event) => setShopDomain(event.target.value)} />
      )}
      <TextField
        label={t("admin.integrations.secret")}
        type="password"
        autoComplete="off"
        required={platformIssuesSecret(platform)}
        value={secret}
        error={fieldError("secret")}
        hint={t(`admin.integrations.secretHint.${platform}`)}
        onChange={(event) => setSecret(event.target.value)}
      />
      {create.error && !fieldIssues ? <AdminError error={create.error} /> : null}
    </FormDialog>
  );
}
