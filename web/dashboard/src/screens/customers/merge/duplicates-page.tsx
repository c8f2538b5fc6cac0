import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { EmptyState, Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import type { Customer } from "../customer-api.ts";
import { displayName } from "../fields.ts";
import { labelOf } from "../labels.ts";

type Pair = { customers: Customer[]; score: number; reasons: string[] };

/** The record kept is the older one: the one other data most likely already points at. */
function survivorFirst(pair: Pair): [Customer, Customer] {
  const [a, b] = pair.customers as [Customer, Customer];
  return a.createdAt <= b.createdAt ? [a, b] : [b, a];
}

/** Candidate duplicate pairs, best match first, each with why it matched and a link to compare them. */
export function DuplicatesPage() {
  const t = useT();
  const f = useFormat();
  const pairs = useQuery({ queryKey: ["customers", "duplicates"], queryFn: () => unwrap(api.v1.customers.duplicates.$get({ query: { limit: "100" } })) });
  const who = (customer: Customer) => (
    <>
      <Link href={`/${customer.id}`}>{displayName(customer) ?? t("customers.unnamed")}</Link>
      {customer.email && customer.email !== displayName(customer) && <span className="muted small cell-second-line">{customer.email}</span>}
    </>
  );
  return (
    <Page
      title={t("customers.duplicates.title")}
      description={t("customers.duplicates.description")}
      actions={
        <Link href="/" className="button button-ghost">
          {t("customers.back")}
        </Link>
      }
    >
      <QueryState query={pairs}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t("customers.duplicates.none")}>
              <p>{t("customers.duplicates.noneHint")}</p>
            </EmptyState>
          ) : (
            <DataTable
              caption={t("customers.duplicates.caption")}
              rows={data.items.map((pair) => ({ pair, order: survivorFirst(pair) }))}
              rowKey={({ order }) => `${order[0].id}:${order[1].id}`}
              columns={[
                { key: "a", header: t("customers.duplicates.first"), cell: ({ order }) => who(order[0]) },
                { key: "b", header: t("customers.duplicates.second"), cell: ({ order }) => who(order[1]) },
                {
                  key: "reasons",
                  header: t("customers.duplicates.reasons"),
                  cell: ({ pair }) => (
                    <span className="customer-tags">
                      {pair.reasons.map((reason) => (
                        <span key={reason} className="chip">
                          {labelOf(t, "reasons", reason)}
                        </span>
                      ))}
                    </span>
                  ),
                },
                { key: "score", header: t("customers.duplicates.score"), align: "end", cell: ({ pair }) => f.percent(pair.score) },
                {
                  key: "compare",
                  header: <span className="visually-hidden">{t("common.actions")}</span>,
                  cell: ({ order }) => (
                    <Link
                      href={`/merge?survivor=${order[0].id}&duplicate=${order[1].id}`}
                      className="button button-secondary"
                      aria-label={t("customers.duplicates.compareNamed", { first: displayName(order[0]) ?? t("customers.unnamed"), second: displayName(order[1]) ?? t("customers.unnamed") })}
                    >
                      {t("customers.duplicates.compare")}
                    </Link>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </Page>
  );
}
