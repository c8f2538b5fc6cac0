import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useSearchParams } from "wouter";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { EmptyState, Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { MANAGERS, RoleGate } from "../access.tsx";
import { CursorPager, useCursorPages } from "../cursor-pager.tsx";
import { actionLabel } from "./actions.ts";
import { AuditFilters, useActors, type Filters } from "./audit-filters.tsx";
import { Changes } from "./changes.tsx";
import { endOfDay, startOfDay } from "./zoned-day.ts";

const PAGE_SIZE = 50;

function AuditLog() {
  const t = useT();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const filters: Filters = { actor: params.get("actor") ?? "", action: params.get("action") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const pages = useCursorPages();
  const { reset } = pages;
  const key = JSON.stringify(filters);
  useEffect(() => reset(), [key, reset]);
  const actors = useActors();
  const entries = useQuery({
    queryKey: ["audit-log", filters, f.timezone, pages.cursor],
    queryFn: () =>
      unwrap(
        api.v1["audit-log"].$get({
          query: {
            limit: String(PAGE_SIZE),
            ...(filters.actor ? { actorId: filters.actor } : {}),
            ...(filters.action ? { action: filters.action } : {}),
            ...(filters.from ? { from: startOfDay(filters.from, f.timezone).toISOString() } : {}),
            ...(filters.to ? { to: endOfDay(filters.to, f.timezone).toISOString() } : {}),
            ...(pages.cursor ? { cursor: pages.cursor } : {}),
          },
        }),
      ),
  });
  const change = (next: Filters) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value) search.set(name, value);
    setParams(search, { replace: true });
  };
  const who = (type: string, id: string | null) => {
    const named = id ? actors.get(id) : undefined;
    if (named) return named;
    return t(`admin.audit.actorTypes.${type === "secret_key" || type === "publishable_key" ? type : "user"}`);
  };
  return (
    <>
      <AuditFilters filters={filters} onChange={change} actors={actors} />
      <QueryState query={entries}>
        {(data) => (
          <>
            <DataTable
              caption={t("admin.audit.title")}
              rows={data.items}
              rowKey={(row) => row.id}
              empty={<EmptyState title={t("admin.audit.empty")} />}
              columns={[
                { key: "at", header: t("admin.audit.when"), cell: (row) => <time dateTime={row.at}>{f.dateTime(row.at)}</time> },
                { key: "who", header: t("admin.audit.who"), cell: (row) => who(row.actorType, row.actorId) },
                { key: "what", header: t("admin.audit.what"), cell: (row) => <span title={row.action}>{actionLabel(t, row.action)}</span> },
                {
                  key: "target",
                  header: t("admin.audit.target"),
                  cell: (row) => (
                    <>
                      {row.entityType}
                      {row.entityId && (
                        <code className="muted small" title={row.entityId}>
                          {" "}
                          {row.entityId.length > 12 ? `${row.entityId.slice(0, 8)}…` : row.entityId}
                        </code>
                      )}
                    </>
                  ),
                },
                { key: "changes", header: t("admin.audit.changes"), cell: (row) => <Changes changes={row.changes} /> },
                { key: "ip", header: t("admin.audit.ip"), cell: (row) => <span className="muted small">{row.ip ?? "—"}</span> },
              ]}
            />
            <CursorPager pages={pages} nextCursor={data.nextCursor} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** Every change in the tenant, newest first: who did what to which record, and when (in the tenant's time zone). */
export function AuditLogScreen() {
  const t = useT();
  const f = useFormat();
  return (
    <Page title={t("admin.audit.title")} description={t("admin.audit.description", { zone: f.timezone })}>
      <RoleGate roles={MANAGERS}>
        <AuditLog />
      </RoleGate>
    </Page>
  );
}
