import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "wouter";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { Card, Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { AdminError, MANAGERS, RoleGate } from "../access.tsx";
import { deliveryChip, deliveryStatusLabel } from "./labels.ts";

/** The payload as received, indented when it is JSON so it can be read. */
function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

function Delivery({ integrationId, deliveryId }: { integrationId: string; deliveryId: string }) {
  const t = useT();
  const f = useFormat();
  const queryClient = useQueryClient();
  const param = { integrationId, deliveryId };
  const delivery = useQuery({
    queryKey: ["deliveries", integrationId, "one", deliveryId],
    queryFn: () => unwrap(api.v1.integrations[":integrationId"].deliveries[":deliveryId"].$get({ param })),
    refetchInterval: (query) => (query.state.data?.status === "received" || query.state.data?.status === "failed" ? 2_000 : false),
  });
  const replay = useMutation({
    mutationFn: () => unwrap(api.v1.integrations[":integrationId"].deliveries[":deliveryId"].replay.$post({ param })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["deliveries", integrationId] }),
  });
  return (
    <QueryState query={delivery}>
      {(row) => {
        const outcome = row.outcome;
        return (
          <>
            <div className="toolbar">
              <Button variant="primary" busy={replay.isPending} disabled={row.payload === null} onClick={() => replay.mutate()}>
                {t("admin.integrations.replay")}
              </Button>
            </div>
            {replay.isSuccess && <Alert tone="success">{t("admin.integrations.replayQueued")}</Alert>}
            <AdminError error={replay.error} />
            <div className="grid">
              <Card title={t("admin.integrations.deliveryFacts")}>
                <dl className="details">
                  <dt>{t("admin.integrations.topic")}</dt>
                  <dd>
                    <code>{row.topic}</code>
                  </dd>
                  <dt>{t("admin.integrations.status")}</dt>
                  <dd>
                    <span className={deliveryChip(row.status)}>{t(deliveryStatusLabel(row.status))}</span>
                  </dd>
                  <dt>{t("admin.integrations.receivedAt")}</dt>
                  <dd>{f.dateTime(row.receivedAt)}</dd>
                  <dt>{t("admin.integrations.processedAt")}</dt>
                  <dd>{row.processedAt ? f.dateTime(row.processedAt) : "—"}</dd>
                  <dt>{t("admin.integrations.attempts")}</dt>
                  <dd>{f.integer(row.attempts)}</dd>
                  <dt>{t("admin.integrations.webhookId")}</dt>
                  <dd>{row.webhookId ?? "—"}</dd>
                  <dt>{t("admin.integrations.size")}</dt>
                  <dd>{t("admin.bytes", { n: f.integer(row.payloadBytes) })}</dd>
                  {row.error && (
                    <>
                      <dt>{t("admin.integrations.error")}</dt>
                      <dd>{row.error}</dd>
                    </>
                  )}
                </dl>
              </Card>
              <Card title={t("admin.integrations.outcome")}>
                {outcome ? (
                  <dl className="details">
                    <dt>{t("admin.integrations.outcomeCustomers")}</dt>
                    <dd>{f.integer(outcome.customers?.length ?? 0)}</dd>
                    <dt>{t("admin.integrations.outcomeOrders")}</dt>
                    <dd>{f.integer(outcome.orders?.length ?? 0)}</dd>
                    <dt>{t("admin.integrations.outcomeRefunds")}</dt>
                    <dd>{f.integer(outcome.refunds?.length ?? 0)}</dd>
                    {(outcome.skipped?.length ?? 0) > 0 && (
                      <>
                        <dt>{t("admin.integrations.outcomeSkipped")}</dt>
                        <dd>{outcome.skipped!.join(", ")}</dd>
                      </>
                    )}
                    {(outcome.warnings?.length ?? 0) > 0 && (
                      <>
                        <dt>{t("admin.integrations.outcomeWarnings")}</dt>
                        <dd>{outcome.warnings!.join("; ")}</dd>
                      </>
                    )}
                  </dl>
                ) : (
                  <p className="muted">{t("admin.integrations.noOutcome")}</p>
                )}
              </Card>
            </div>
            <Card title={t("admin.integrations.payload")}>
              {row.payload === null ? (
                <p className="muted">{t("admin.integrations.payloadPurged", { at: row.payloadPurgedAt ? f.dateTime(row.payloadPurgedAt) : "—" })}</p>
              ) : (
                <pre className="payload" tabIndex={0} aria-label={t("admin.integrations.payload")}>
                  {pretty(row.payload)}
                </pre>
              )}
            </Card>
          </>
        );
      }}
    </QueryState>
  );
}

/** One delivery: what arrived, what it changed, and a replay. */
export function DeliveryDetail() {
  const t = useT();
  const { integrationId, deliveryId } = useParams<{ integrationId: string; deliveryId: string }>();
  return (
    <Page title={t("admin.integrations.deliveryTitle")} actions={<Link href={`/integrations/${integrationId}`}>{t("admin.integrations.backToIntegration")}</Link>}>
      <RoleGate roles={MANAGERS}>
        <Delivery integrationId={integrationId} deliveryId={deliveryId} />
      </RoleGate>
    </Page>
  );
}
