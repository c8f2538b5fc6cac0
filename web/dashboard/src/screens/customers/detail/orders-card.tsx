import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { Card } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { minorPerUnit } from "../customer-api.ts";
import { labelOf } from "../labels.ts";
import { LoadMore } from "../../../ui/load-more.tsx";

const PAGE = "10";

/** The customer's orders, newest first, each total in its own currency; more on request. */
export function OrdersCard({ customerId }: { customerId: string }) {
  const t = useT();
  const f = useFormat();
  const orders = useInfiniteQuery({
    queryKey: ["customers", "orders", customerId],
    queryFn: ({ pageParam }) => unwrap(api.v1.orders.$get({ query: { customerId, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const money = (minor: number, currency: string) => f.money(minor / minorPerUnit(currency), currency);
  return (
    <Card title={t("customers.orders.title")}>
      <QueryState query={orders}>
        {(data) => {
          const rows = data.pages.flatMap((page) => page.items);
          return (
            <>
              <DataTable
                caption={t("customers.orders.caption")}
                rows={rows}
                rowKey={(order) => order.id}
                empty={t("customers.orders.none")}
                columns={[
                  { key: "date", header: t("customers.orders.date"), cell: (order) => f.date(order.orderedAt) },
                  { key: "ref", header: t("customers.orders.reference"), cell: (order) => <span className="muted">{order.externalId ? `${order.source} · ${order.externalId}` : order.source}</span> },
                  {
                    key: "status",
                    header: t("customers.orders.status"),
                    cell: (order) => <span className={order.status === "cancelled" ? "chip chip-danger" : "chip"}>{labelOf(t, "orderStatus", order.status)}</span>,
                  },
                  { key: "total", header: t("customers.orders.total"), align: "end", cell: (order) => money(order.totalMinor, order.currency) },
                  { key: "refunded", header: t("customers.orders.refunded"), align: "end", cell: (order) => (order.refundedMinor ? money(order.refundedMinor, order.currency) : "—") },
                ]}
              />
              <LoadMore pages={orders} />
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
