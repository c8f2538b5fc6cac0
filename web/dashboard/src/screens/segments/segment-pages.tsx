import { useEffect, useState } from "react";
import { Link, useParams } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { Page } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { MembersCard } from "./members-card.tsx";
import { DeleteButton, ExportButton } from "./segment-actions.tsx";
import { useAttributes, useSegment } from "./segment-api.ts";
import { SegmentForm } from "./segment-form.tsx";

const useCanEdit = () => useAccount().hasRole("owner", "admin", "analyst");

function BackLink() {
  const t = useT();
  return (
    <p className="segment-back">
      <Link href="~/segments">
        <span aria-hidden="true">←</span> {t("segments.editor.back")}
      </Link>
    </p>
  );
}

/** /segments/new: an empty filter to build, previewed live, saved under a name. */
export function NewSegment() {
  const t = useT();
  const attributes = useAttributes();
  const canEdit = useCanEdit();
  return (
    <>
      <BackLink />
      <Page title={t("segments.editor.newTitle")}>
        <QueryState query={attributes}>{(items) => <SegmentForm attributes={items} canEdit={canEdit} />}</QueryState>
      </Page>
    </>
  );
}

/** /segments/:segmentId: the saved filter to change, rename or delete, its members and their export. */
export function SegmentDetail() {
  const { segmentId } = useParams<{ segmentId: string }>();
  const segment = useSegment(segmentId);
  const attributes = useAttributes();
  const canEdit = useCanEdit();
  const t = useT();
  // "Saved" after creating is said once: the history entry forgets it, so a reload does not repeat it.
  const [created] = useState(() => (window.history.state as { created?: boolean } | null)?.created === true);
  useEffect(() => {
    if (created) window.history.replaceState(null, "");
  }, [created]);
  if (!segment.data) {
    return (
      <>
        <BackLink />
        <Page title={t("segments.list.title")}>
          <QueryState query={segment}>{() => null}</QueryState>
        </Page>
      </>
    );
  }
  const data = segment.data;
  return (
    <>
      <BackLink />
      <Page
        title={data.name}
        description={data.description}
        actions={
          canEdit && (
            <>
              <ExportButton segmentId={data.id} />
              <DeleteButton segmentId={data.id} name={data.name} />
            </>
          )
        }
      >
        <QueryState query={attributes}>{(items) => <SegmentForm key={data.id} segment={data} attributes={items} canEdit={canEdit} justCreated={created} />}</QueryState>
        <MembersCard segmentId={data.id} memberCount={data.memberCount} />
      </Page>
    </>
  );
}
