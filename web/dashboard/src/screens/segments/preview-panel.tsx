import type { UseQueryResult } from "@tanstack/react-query";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Card } from "../../ui/page.tsx";
import { isFilterProblem } from "./filter-issues.ts";
import { MemberTable } from "./member-table.tsx";
import type { Preview } from "./segment-api.ts";

type Props = { preview: UseQueryResult<Preview>; hasFilter: boolean; skipped: number; pending: boolean };

/** The live count and first members of the filter being edited; the count is announced politely as it changes. */
export function PreviewPanel({ preview, hasFilter, skipped, pending }: Props) {
  const t = useT();
  const f = useFormat();
  const data = preview.isError ? undefined : preview.data;
  const busy = pending || preview.isFetching;
  let status: string;
  if (!hasFilter) status = t("segments.preview.noFilter");
  else if (preview.isError && isFilterProblem(preview.error)) status = t("segments.preview.invalid");
  else if (data) status = data.memberCount === 1 ? t("segments.preview.countOne") : t("segments.preview.countMany", { n: f.integer(data.memberCount) });
  else status = t("segments.preview.updating");
  return (
    <Card title={t("segments.preview.title")} className="segment-preview">
      <div className="preview-status" aria-busy={busy || undefined}>
        <p className="preview-count" role="status" data-testid="preview-count">
          {status}
        </p>
        {busy && hasFilter && (
          <p className="muted small loading-inline">
            <span className="spinner" aria-hidden="true" /> {t("segments.preview.updating")}
          </p>
        )}
      </div>
      {skipped > 0 && <p className="muted small">{skipped === 1 ? t("segments.preview.skippedOne") : t("segments.preview.skippedMany", { n: skipped })}</p>}
      {preview.isError && !isFilterProblem(preview.error) && <ErrorAlert error={preview.error} />}
      {hasFilter && data && (
        <>
          <h3>{t("segments.preview.firstMembers")}</h3>
          <MemberTable caption={t("segments.preview.caption")} members={data.items} compact empty={t("segments.preview.none")} />
        </>
      )}
    </Card>
  );
}
