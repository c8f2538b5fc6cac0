import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { Card, Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { AdminError, MANAGERS, RoleGate } from "../access.tsx";
import { ConfirmDialog } from "../../../ui/confirm-dialog.tsx";
import { CopyField } from "../copy-field.tsx";
import type { CreatedIntegration } from "./create-integration.tsx";
import { DeliveryLog } from "./delivery-log.tsx";
import { IntegrationCreated } from "./integration-created.tsx";
import { platformLabel } from "./labels.ts";
import { RotateSecret } from "./rotate-secret.tsx";

type Integration = CreatedIntegration["integration"];

function Actions({ integration }: { integration: Integration }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [rotating, setRotating] = useState(false);
  const [rotated, setRotated] = useState<CreatedIntegration | null>(null);
  const [deleting, setDeleting] = useState(false);
  const param = { integrationId: integration.id };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["integrations"] });
  const toggle = useMutation({
    mutationFn: () => unwrap(api.v1.integrations[":integrationId"].$patch({ param, json: { status: integration.status === "active" ? "disabled" : "active" } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.v1.integrations[":integrationId"].$delete({ param })),
    onSuccess: async () => {
      await refresh();
      navigate("/integrations");
    },
  });
  const test = useMutation({
    mutationFn: () => unwrap(api.v1.integrations[":integrationId"]["test-delivery"].$post({ param })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["deliveries", integration.id] }),
  });
  return (
    <>
      <div className="toolbar">
        <Button variant="primary" busy={test.isPending} disabled={integration.status !== "active"} onClick={() => test.mutate()}>
          {t("admin.integrations.sendTest")}
        </Button>
        <Button onClick={() => setRotating(true)}>{t("admin.integrations.rotate")}</Button>
        <Button busy={toggle.isPending} onClick={() => toggle.mutate()}>
          {integration.status === "active" ? t("admin.integrations.disable") : t("admin.integrations.enable")}
        </Button>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          {t("common.delete")}
        </Button>
      </div>
      {test.data && (
        <Alert tone="success">
          {t("admin.integrations.testSent", { topic: test.data.topic })}{" "}
          <Link href={`/integrations/${integration.id}/deliveries/${test.data.deliveryId}`}>{t("admin.integrations.openDelivery")}</Link>
        </Alert>
      )}
      <AdminError error={test.error ?? toggle.error} />
      {rotated && <IntegrationCreated created={rotated} rotated onDone={() => setRotated(null)} />}
      <RotateSecret
        integration={integration}
        open={rotating}
        onClose={() => setRotating(false)}
        onRotated={(result) => {
          setRotating(false);
          setRotated(result);
          void refresh();
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={t("admin.integrations.deleteTitle", { name: integration.name })}
        confirmLabel={t("admin.integrations.deleteConfirm")}
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
      >
        <p>{t("admin.integrations.deleteText")}</p>
      </ConfirmDialog>
    </>
  );
}

function Detail({ integrationId }: { integrationId: string }) {
  const t = useT();
  const f = useFormat();
  const integration = useQuery({
    queryKey: ["integrations", integrationId],
    queryFn: () => unwrap(api.v1.integrations[":integrationId"].$get({ param: { integrationId } })),
  });
  return (
    <QueryState query={integration}>
      {(row) => (
        <>
          <Actions integration={row} />
          <div className="grid">
            <Card title={t("admin.integrations.connection")}>
              <CopyField label={t("admin.integrations.deliveryUrl")} value={row.deliveryUrl} hint={t(`admin.integrations.setUp.${row.platform}`)} />
              <dl className="details">
                <dt>{t("admin.integrations.platform")}</dt>
                <dd>{t(platformLabel(row.platform))}</dd>
                <dt>{t("admin.integrations.status")}</dt>
                <dd>
                  <span className={row.status === "active" ? "chip chip-success" : "chip chip-warning"}>{t(`admin.integrations.integrationStatus.${row.status}`)}</span>
                </dd>
                {row.shopDomain && (
                  <>
                    <dt>{t("admin.integrations.shopDomain")}</dt>
                    <dd>{row.shopDomain}</dd>
                  </>
                )}
                <dt>{t("admin.integrations.created")}</dt>
                <dd>{f.dateTime(row.createdAt)}</dd>
                <dt>{t("admin.integrations.secretRotatedAt")}</dt>
                <dd>{row.secretRotatedAt ? f.dateTime(row.secretRotatedAt) : t("admin.integrations.neverRotated")}</dd>
                {row.previousSecretExpiresAt && (
                  <>
                    <dt>{t("admin.integrations.previousSecret")}</dt>
                    <dd>{t("admin.integrations.previousSecretUntil", { at: f.dateTime(row.previousSecretExpiresAt) })}</dd>
                  </>
                )}
              </dl>
            </Card>
          </div>
          <DeliveryLog integrationId={row.id} />
        </>
      )}
    </QueryState>
  );
}

/** One integration: where the shop sends, its secret's rotation, and its delivery log. */
export function IntegrationDetail() {
  const t = useT();
  const { integrationId } = useParams<{ integrationId: string }>();
  const integration = useQuery({
    queryKey: ["integrations", integrationId],
    queryFn: () => unwrap(api.v1.integrations[":integrationId"].$get({ param: { integrationId } })),
    enabled: false,
  });
  return (
    <Page title={integration.data?.name ?? t("admin.integrations.detailTitle")} actions={<Link href="/integrations">{t("admin.integrations.back")}</Link>}>
      <RoleGate roles={MANAGERS}>
        <Detail integrationId={integrationId} />
      </RoleGate>
    </Page>
  );
}
