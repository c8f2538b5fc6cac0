import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { DataTable } from "../../ui/data-table.tsx";
import { Card } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { isWorking, type Import } from "./import-api.ts";
import { importRatio, ImportStatusChip } from "./import-status.tsx";

/** The tenant's latest imports with their status; polled while one of them is being worked on. */
export function RecentImports() {
  const t = useT();
  const f = useFormat();
  const list = useQuery({
    queryKey: ["imports", "list"],
    queryFn: () => unwrap(api.v1.imports.$get({ query: { limit: "10" } })),
    refetchInterval: (query) => (query.state.data?.items.some((item) => isWorking(item.status)) ? 2_000 : false),
  });
  return (
    <Card title={t("imports.recent.title")}>
      <QueryState query={list}>
        {(page) => (
          <DataTable<Import>
            caption={t("imports.recent.caption")}
            rows={page.items}
            rowKey={(item) => item.id}
            empty={<p className="muted">{t("imports.recent.empty")}</p>}
            columns={[
              { key: "file", header: t("imports.recent.file"), cell: (item) => <Link href={`/${item.id}`}>{item.fileName ?? t("imports.recent.untitled")}</Link> },
              {
                key: "status",
                header: t("imports.recent.status"),
                cell: (item) => (
                  <span className="row">
                    <ImportStatusChip status={item.status} />
                    {isWorking(item.status) && importRatio(item) !== null && <span className="muted">{f.percent(importRatio(item)!)}</span>}
                  </span>
                ),
              },
              { key: "rows", header: t("imports.recent.rows"), align: "end", cell: (item) => f.integer(item.progress.rowsDone) },
              { key: "uploaded", header: t("imports.recent.uploaded"), cell: (item) => <time dateTime={item.createdAt} title={f.dateTime(item.createdAt)}>{f.relative(item.createdAt)}</time> },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
