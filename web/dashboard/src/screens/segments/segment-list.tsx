import { Link } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { DataTable, type Column } from "../../ui/data-table.tsx";
import { EmptyState, Page } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useSegments, type Segment } from "./segment-api.ts";

/** How many conditions a saved filter holds, for the list's summary column. */
function conditionCount(node: unknown): number {
  if (typeof node !== "object" || node === null) return 0;
  if (Array.isArray(node)) return node.reduce((total: number, child) => total + conditionCount(child), 0);
  if ("field" in node) return 1;
  return Object.values(node).reduce((total: number, child) => total + conditionCount(child), 0);
}

const NewSegmentLink = ({ label }: { label: string }) => (
  <Link href="/new" className="button button-primary">
    {label}
  </Link>
);

/** The saved segments by name, with how many customers each matches now. */
export function SegmentList() {
  const t = useT();
  const f = useFormat();
  const { hasRole } = useAccount();
  const canEdit = hasRole("owner", "admin", "analyst");
  const segments = useSegments();
  const columns: Column<Segment>[] = [
    { key: "name", header: t("segments.list.name"), cell: (segment) => <Link href={`/${segment.id}`}>{segment.name}</Link> },
    { key: "members", header: t("segments.list.members"), align: "end", cell: (segment) => f.integer(segment.memberCount) },
    {
      key: "conditions",
      header: t("segments.list.conditions"),
      cell: (segment) => {
        const n = conditionCount(segment.filter);
        return n === 1 ? t("segments.list.conditionOne") : t("segments.list.conditionMany", { n });
      },
    },
    { key: "created", header: t("segments.list.created"), cell: (segment) => <time dateTime={segment.createdAt}>{f.date(segment.createdAt)}</time> },
    {
      key: "updated",
      header: t("segments.list.updated"),
      cell: (segment) => (
        <time dateTime={segment.updatedAt} title={f.dateTime(segment.updatedAt)}>
          {f.relative(segment.updatedAt)}
        </time>
      ),
    },
  ];
  return (
    <Page title={t("segments.list.title")} description={t("segments.list.description")} actions={canEdit && <NewSegmentLink label={t("segments.list.create")} />}>
      <QueryState query={segments}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t("segments.list.empty")}>
              <p>{t("segments.list.emptyHint")}</p>
              {canEdit && <NewSegmentLink label={t("segments.list.create")} />}
            </EmptyState>
          ) : (
            <DataTable caption={t("segments.list.caption")} columns={columns} rows={data.items} rowKey={(segment) => segment.id} />
          )
        }
      </QueryState>
    </Page>
  );
}
