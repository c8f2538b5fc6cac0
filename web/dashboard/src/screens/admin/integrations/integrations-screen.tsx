import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/button.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { EmptyState, Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { MANAGERS, RoleGate } from "../access.tsx";
import { CreateIntegration, type CreatedIntegration } from "./create-integration.tsx";
import { IntegrationCreated } from "./integration-created.tsx";
import { platformLabel } from "./labels.ts";

export const integrationsQuery = { queryKey: ["integrations"], queryFn: () => unwrap(api.v1.integrations.$get()) };

function IntegrationsList() {
  const t = useT();
  const f = useFormat();
  const integrations = useQuery(integrationsQuery);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedIntegration | null>(null);
  return (
    <>
      <div className="toolbar">
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t("admin.integrations.connect")}
        </Button>
      </div>
      {created && <IntegrationCreated created={created} onDone={() => setCreated(null)} />}
      <CreateIntegration
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <QueryState query={integrations}>
        {(data) => (
          <DataTable
            caption={t("admin.integrations.title")}
            rows={data.items}
            rowKey={(row) => row.id}
            empty={
              <EmptyState title={t("admin.integrations.emptyTitle")}>
                <p>{t("admin.integrations.emptyText")}</p>
              </EmptyState>
            }
            columns={[
              { key: "name", header: t("admin.integrations.name"), cell: (row) => <Link href={`/integrations/${row.id}`}>{row.name}</Link> },
              { key: "platform", header: t("admin.integrations.platform"), cell: (row) => t(platformLabel(row.platform)) },
              { key: "shop", header: t("admin.integrations.shopDomain"), cell: (row) => row.shopDomain ?? "—" },
              {
                key: "status",
                header: t("admin.integrations.status"),
                cell: (row) => <span className={row.status === "active" ? "chip chip-success" : "chip chip-warning"}>{t(`admin.integrations.integrationStatus.${row.status}`)}</span>,
              },
              { key: "created", header: t("admin.integrations.created"), cell: (row) => f.dateTime(row.createdAt) },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

/** The connected shops and senders, with a way to connect another. */
export function IntegrationsScreen() {
  const t = useT();
  return (
    <Page title={t("admin.integrations.title")} description={t("admin.integrations.description")}>
      <RoleGate roles={MANAGERS}>
        <IntegrationsList />
      </RoleGate>
    </Page>
  );
}
