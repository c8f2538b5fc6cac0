import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../../api/client.ts";
import { unwrap, type Ok } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/button.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { EmptyState, Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { MANAGERS, RoleGate } from "../access.tsx";
import { ConfirmDialog } from "../../../ui/confirm-dialog.tsx";
import { CopyField } from "../copy-field.tsx";
import { roleLabel } from "../members/roles.ts";
import { SecretOnce } from "../secret-once.tsx";
import { CreateApiKey, type CreatedKey } from "./create-api-key.tsx";

type ApiKey = Ok<Awaited<ReturnType<(typeof api.v1)["api-keys"]["$get"]>>>["items"][number];

function keyState(key: ApiKey): "active" | "revoked" | "expired" {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return "expired";
  return "active";
}

function Created({ created, onDone }: { created: CreatedKey; onDone(): void }) {
  const t = useT();
  if (created.apiKey.kind === "secret") return <SecretOnce title={t("admin.apiKeys.createdSecret", { name: created.apiKey.name })} label={t("admin.apiKeys.secretKey")} secret={created.key} onDone={onDone} />;
  return (
    <section className="card" aria-label={t("admin.apiKeys.createdPublishable", { name: created.apiKey.name })}>
      <p className="alert-title">{t("admin.apiKeys.createdPublishable", { name: created.apiKey.name })}</p>
      <p className="muted">{t("admin.apiKeys.publishableText")}</p>
      <CopyField label={t("admin.apiKeys.publishableKey")} value={created.key} />
      <Button onClick={onDone}>{t("admin.secretOnce.done")}</Button>
    </section>
  );
}

function ApiKeys() {
  const t = useT();
  const f = useFormat();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ["api-keys"], queryFn: () => unwrap(api.v1["api-keys"].$get()) });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useMutation({
    mutationFn: (apiKeyId: string) => unwrap(api.v1["api-keys"][":apiKeyId"].$delete({ param: { apiKeyId } })),
    onSuccess: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: ["api-keys"] });
    },
  });
  return (
    <>
      <div className="toolbar">
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t("admin.apiKeys.create")}
        </Button>
      </div>
      {created && <Created created={created} onDone={() => setCreated(null)} />}
      <CreateApiKey
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <QueryState query={keys}>
        {(data) => (
          <DataTable
            caption={t("admin.apiKeys.title")}
            rows={data.items}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t("admin.apiKeys.emptyTitle")}>{t("admin.apiKeys.emptyText")}</EmptyState>}
            columns={[
              { key: "name", header: t("admin.apiKeys.name"), cell: (row) => row.name },
              { key: "kind", header: t("admin.apiKeys.kind"), cell: (row) => t(`admin.apiKeys.kinds.${row.kind}`) },
              { key: "role", header: t("admin.apiKeys.role"), cell: (row) => (row.role ? t(roleLabel(row.role)) : "—") },
              { key: "preview", header: t("admin.apiKeys.preview"), cell: (row) => <code>{row.kind === "secret" ? `${row.preview}…` : row.preview}</code> },
              { key: "created", header: t("admin.apiKeys.created"), cell: (row) => f.date(row.createdAt) },
              { key: "used", header: t("admin.apiKeys.lastUsed"), cell: (row) => (row.lastUsedAt ? f.relative(row.lastUsedAt) : t("admin.apiKeys.neverUsed")) },
              { key: "expires", header: t("admin.apiKeys.expires"), cell: (row) => (row.expiresAt ? f.date(row.expiresAt) : t("admin.apiKeys.noExpiry")) },
              {
                key: "state",
                header: t("admin.apiKeys.state"),
                cell: (row) => {
                  const state = keyState(row);
                  return <span className={state === "active" ? "chip chip-success" : "chip chip-danger"}>{t(`admin.apiKeys.states.${state}`)}</span>;
                },
              },
              {
                key: "actions",
                header: <span className="visually-hidden">{t("common.actions")}</span>,
                cell: (row) =>
                  row.revokedAt ? null : (
                    <Button variant="ghost" onClick={() => setRevoking(row)} aria-label={t("admin.apiKeys.revokeNamed", { name: row.name })}>
                      {t("admin.apiKeys.revoke")}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      <ConfirmDialog
        open={revoking !== null}
        title={t("admin.apiKeys.revokeTitle", { name: revoking?.name ?? "" })}
        confirmLabel={t("admin.apiKeys.revoke")}
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        <p>{t("admin.apiKeys.revokeText")}</p>
      </ConfirmDialog>
    </>
  );
}

/** Secret keys for the tenant's servers and publishable keys for the widget. */
export function ApiKeysScreen() {
  const t = useT();
  return (
    <Page title={t("admin.apiKeys.title")} description={t("admin.apiKeys.description")}>
      <RoleGate roles={MANAGERS}>
        <ApiKeys />
      </RoleGate>
    </Page>
  );
}
