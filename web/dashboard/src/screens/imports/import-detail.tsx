import { useEffect, useRef } from "react";
import { Link, useParams } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Page } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { ColumnMapping } from "./column-mapping.tsx";
import { DryRunReport } from "./dry-run-report.tsx";
import { fileSize } from "./file-size.ts";
import { isWorking, useImport, useRefreshImports, type Import } from "./import-api.ts";
import { ImportFlow } from "./import-flow.tsx";
import { ImportProgress } from "./import-progress.tsx";
import { ImportResult } from "./import-result.tsx";
import { ImportStatusChip } from "./import-status.tsx";

/** The stage's panels: mapping, dry run report, live progress or the result, by the import's status. */
function Stage({ item }: { item: Import }) {
  const t = useT();
  const mapping = <ColumnMapping key={JSON.stringify([item.mapping, item.options])} item={item} locked={isWorking(item.status)} />;
  switch (item.status) {
    case "validating":
    case "running":
      return <ImportProgress item={item} />;
    case "validated":
      return (
        <>
          <DryRunReport item={item} />
          {mapping}
        </>
      );
    case "done":
      return <ImportResult item={item} />;
    case "failed":
      return (
        <>
          <Alert tone="error" title={t("imports.detail.failed")}>
            {item.error && <p>{item.error}</p>}
            <p>{t("imports.detail.failedHint")}</p>
          </Alert>
          {mapping}
        </>
      );
    default:
      return mapping;
  }
}

/** /imports/:importId: one import from mapping to result; the id in the address lets a reload pick up a run. */
export function ImportDetail() {
  const t = useT();
  const f = useFormat();
  const { importId } = useParams<{ importId: string }>();
  const { me, hasRole } = useAccount();
  const query = useImport(importId);
  const refresh = useRefreshImports();
  const status = query.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    // Work that ends here changes the lists, the job indicator and the home page's numbers.
    if (previous.current && status && isWorking(previous.current) && !isWorking(status)) void refresh();
    previous.current = status;
  }, [status, refresh]);
  const title = query.data?.fileName ?? t("imports.detail.titleFallback");
  if (me && !hasRole("owner", "admin")) {
    return (
      <Page title={t("imports.title")}>
        <Alert tone="info">{t("imports.managersOnly")}</Alert>
      </Page>
    );
  }
  return (
    <Page
      title={title}
      description={query.data && t("imports.detail.meta", { size: fileSize(query.data.sizeBytes, t, f), when: f.dateTime(query.data.createdAt) })}
      actions={
        <Link href="~/imports" className="button button-ghost">
          {t("imports.detail.back")}
        </Link>
      }
    >
      <QueryState query={query}>
        {(item) => (
          <>
            <div className="row import-detail-status">
              <ImportStatusChip status={item.status} />
            </div>
            <ImportFlow status={item.status} />
            <Stage item={item} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
