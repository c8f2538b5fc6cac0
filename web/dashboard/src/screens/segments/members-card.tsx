import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/page.tsx";
import { Loading } from "../../ui/query-state.tsx";
import { MemberTable } from "./member-table.tsx";
import { keys } from "./segment-api.ts";

const PAGE_SIZE = 25;

/**
 * The saved segment's members, a page at a time by the API's cursors; the cursors already seen
 * are kept so "Previous" goes back without recounting.
 */
export function MembersCard({ segmentId, memberCount }: { segmentId: string; memberCount: number }) {
  const t = useT();
  const f = useFormat();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const cursor = cursors[page];
  const members = useQuery({
    queryKey: [...keys.members(segmentId), cursor ?? ""],
    queryFn: () => unwrap(api.v1.segments[":segmentId"].members.$get({ param: { segmentId }, query: { limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) } })),
    placeholderData: keepPreviousData,
  });
  const next = members.data?.nextCursor;
  return (
    <Card title={t("segments.members.title")} actions={<span className="chip">{t("segments.editor.membersNow", { n: f.integer(memberCount) })}</span>}>
      <p className="muted small">{t("segments.members.intro")}</p>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorAlert error={members.error} />
      ) : (
        <>
          <MemberTable caption={t("segments.members.caption")} members={members.data.items} empty={t("segments.members.empty")} />
          <nav className="pager" aria-label={t("segments.members.title")}>
            <span className="muted small">{t("segments.members.page", { n: page + 1 })}</span>
            <Button disabled={page === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
              {t("common.previous")}
            </Button>
            <Button disabled={!next || members.isPlaceholderData} onClick={() => next && setCursors([...cursors, next])}>
              {t("common.next")}
            </Button>
          </nav>
        </>
      )}
    </Card>
  );
}
