import { Link } from "wouter";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { DataTable, type Column } from "../../ui/data-table.tsx";
import type { Member } from "./segment-api.ts";

/** Customers in a table, each name a link to the customer's page (outside the segments area); compact for the narrow preview. */
export function MemberTable({ caption, members, empty, compact = false }: { caption: string; members: Member[]; empty: string; compact?: boolean }) {
  const t = useT();
  const f = useFormat();
  const columns: Column<Member>[] = [
    {
      key: "name",
      header: t("segments.members.name"),
      cell: (member) => <Link href={`~/customers/${member.id}`}>{member.name || member.email || t("segments.members.unnamed")}</Link>,
    },
    ...(compact ? [] : [{ key: "email", header: t("segments.members.email"), cell: (member: Member) => member.email ?? "" }]),
    { key: "country", header: t("segments.members.country"), cell: (member) => member.country ?? "" },
    {
      key: "tags",
      header: t("segments.members.tags"),
      cell: (member) => (
        <span className="member-tags">
          {member.tags.map((tag) => (
            <span key={tag} className="chip">
              {tag}
            </span>
          ))}
        </span>
      ),
    },
  ];
  if (!compact) columns.push({ key: "created", header: t("segments.members.created"), cell: (member) => <time dateTime={member.createdAt}>{f.date(member.createdAt)}</time> });
  return <DataTable caption={caption} columns={columns} rows={members} rowKey={(member) => member.id} empty={empty} />;
}
