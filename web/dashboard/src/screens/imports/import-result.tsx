import { Link } from "wouter";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/translate.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { Card, Stat } from "../../ui/page.tsx";
import type { Import } from "./import-api.ts";
import { ProblemsList } from "./problems-list.tsx";

const MEASURES = ["created", "updated", "unchanged", "mergedInFile", "orderLines", "refunds"] as const;

/** The finished run: rows imported and skipped, customers created, updated and unchanged, order lines and returns. */
export function ImportResult({ item }: { item: Import }) {
  const t = useT();
  const f = useFormat();
  const count = (key: string) => item.results[key] ?? 0;
  const rows: { key: string; label: string; value: number }[] = [
    { key: "rows", label: t("imports.result.rows"), value: item.progress.rowsDone },
    { key: "imported", label: t("imports.result.imported"), value: item.progress.rowsValid },
    { key: "skipped", label: t("imports.result.skipped"), value: item.progress.rowsRejected },
    ...MEASURES.map((key) => ({ key, label: t(`imports.result.${key}` as MessageKey), value: count(key) })),
  ];
  return (
    <Card title={t("imports.result.title")} className="import-result">
      {item.finishedAt && <p className="muted">{t("imports.result.finished", { when: f.dateTime(item.finishedAt) })}</p>}
      <div className="stats" data-testid="result-counts">
        <Stat label={t("imports.result.created")} value={<span data-count="created">{f.integer(count("created"))}</span>} />
        <Stat label={t("imports.result.updated")} value={<span data-count="updated">{f.integer(count("updated"))}</span>} />
        <Stat label={t("imports.result.orderLines")} value={<span data-count="orderLines">{f.integer(count("orderLines"))}</span>} />
        <Stat label={t("imports.result.skipped")} value={<span data-count="skipped">{f.integer(item.progress.rowsRejected)}</span>} />
      </div>
      <DataTable
        caption={t("imports.result.caption")}
        rows={rows}
        rowKey={(row) => row.key}
        columns={[
          { key: "measure", header: t("imports.result.measure"), cell: (row) => row.label },
          { key: "count", header: t("imports.result.count"), align: "end", cell: (row) => <span data-measure={row.key}>{f.integer(row.value)}</span> },
        ]}
      />
      {item.progress.rowsRejected > 0 && <ProblemsList item={item} />}
      <p className="muted">{t("imports.result.segmentsNote")}</p>
      <div className="row">
        <Link href="~/customers" className="button button-primary">
          {t("imports.result.viewCustomers")}
        </Link>
        <Link href="~/imports" className="button button-secondary">
          {t("imports.result.another")}
        </Link>
      </div>
    </Card>
  );
}
