import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { SelectField } from "../../../ui/field.tsx";
import { Card, EmptyState } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { CursorPager, useCursorPages } from "../cursor-pager.tsx";
import { DELIVERY_STATUSES, deliveryChip, deliveryStatusLabel, type DeliveryStatus } from "./labels.ts";

const PAGE_SIZE = 25;
const settling = (status: DeliveryStatus) => status === "received" || status === "failed";

/** The integration's deliveries, newest first, filtered by status, refreshed while any is still being processed. */
export function DeliveryLog({ integrationId }: { integrationId: string }) {
  const t = useT();
  const f = useFormat();
  const [status, setStatus] = useState<DeliveryStatus | "">("");
  const pages = useCursorPages();
  const deliveries = useQuery({
    queryKey: ["deliveries", integrationId, status, pages.cursor],
    queryFn: () =>
      unwrap(
        api.v1.integrations[":integrationId"].deliveries.$get({
          param: { integrationId },
          query: { limit: String(PAGE_SIZE), ...(status ? { status } : {}), ...(pages.cursor ? { cursor: pages.cursor } : {}) },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.items.some((item) => settling(item.status)) ? 2_000 : false),
  });
  return (
    <Card title={t("admin.integrations.deliveryLog")}>
      <div className="toolbar">
        <SelectField
          label={t("admin.integrations.statusFilter")}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as DeliveryStatus | "");
            pages.reset();
          }}
        >
          <option value="">{t("admin.integrations.allStatuses")}</option>
          {DELIVERY_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(deliveryStatusLabel(value))}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryState query={deliveries}>
        {(data) => (
          <>
            <DataTable
              caption={t("admin.integrations.deliveryLog")}
              rows={data.items}
              rowKey={(row) => row.id}
              empty={<EmptyState title={t("admin.integrations.noDeliveries")}>{t("admin.integrations.noDeliveriesText")}</EmptyState>}
              columns={[
                { key: "received", header: t("admin.integrations.receivedAt"), cell: (row) => <Link href={`/integrations/${integrationId}/deliveries/${row.id}`}>{f.dateTime(row.receivedAt)}</Link> },
                { key: "topic", header: t("admin.integrations.topic"), cell: (row) => <code>{row.topic}</code> },
                { key: "status", header: t("admin.integrations.status"), cell: (row) => <span className={deliveryChip(row.status)}>{t(deliveryStatusLabel(row.status))}</span> },
                { key: "attempts", header: t("admin.integrations.attempts"), align: "end", cell: (row) => f.integer(row.attempts) },
                { key: "processed", header: t("admin.integrations.processedAt"), cell: (row) => (row.processedAt ? f.dateTime(row.processedAt) : "—") },
                { key: "error", header: t("admin.integrations.error"), cell: (row) => <span className="wrap">{row.error ?? ""}</span> },
              ]}
            />
            <CursorPager pages={pages} nextCursor={data.nextCursor} />
          </>
        )}
      </QueryState>
    </Card>
  );
}
