import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { ErrorAlert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { SelectField } from "../../../ui/field.tsx";
import { Card } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import type { MessageKey } from "../../../i18n/translate.ts";
import { labelOf } from "../labels.ts";
import { LoadMore } from "../../../ui/load-more.tsx";

const KINDS = ["note", "call", "email", "chat", "visit", "survey_response", "order", "merge", "field_change", "created"] as const;
const PAGE = "15";

/** Undoes a merge from its timeline entry; the API refuses once the survivor changed since. */
function UndoMerge({ mergeId }: { mergeId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: () => unwrap(api.v1["customer-merges"][":mergeId"].undo.$post({ param: { mergeId } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["customers"] }),
  });
  if (undo.isSuccess) return <p className="small">{t("customers.merge.undone")}</p>;
  return (
    <>
      <Button variant="ghost" busy={undo.isPending} onClick={() => undo.mutate()}>
        {t("customers.merge.undo")}
      </Button>
      <ErrorAlert error={undo.error} />
    </>
  );
}

type Props = { customerId: string; title: string; kinds?: readonly (typeof KINDS)[number][]; empty: string; canUndo?: boolean; filterable?: boolean };

/** A customer's timeline, newest first, a page at a time, optionally of some kinds only. */
export function TimelineCard({ customerId, title, kinds, empty, canUndo = false, filterable = false }: Props) {
  const t = useT();
  const f = useFormat();
  const [kind, setKind] = useState("");
  const chosen = kind ? kind : kinds?.join(",");
  const timeline = useInfiniteQuery({
    queryKey: ["customers", "timeline", customerId, chosen ?? "all"],
    queryFn: ({ pageParam }) =>
      unwrap(api.v1.customers[":customerId"].timeline.$get({ param: { customerId }, query: { limit: PAGE, ...(chosen ? { kind: chosen } : {}), ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return (
    <Card
      title={title}
      actions={
        filterable && (
          <SelectField className="compact-field" label={t("customers.timeline.kind")} value={kind} onChange={(event) => setKind(event.target.value)}>
            <option value="">{t("customers.timeline.allKinds")}</option>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {labelOf(t, "kinds", value)}
              </option>
            ))}
          </SelectField>
        )
      }
    >
      <QueryState query={timeline}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <p className="muted">{empty}</p>;
          return (
            <>
              <ol className="timeline">
                {items.map((item) => {
                  const mergeId = item.kind === "merge" && typeof item.data.mergeId === "string" ? item.data.mergeId : null;
                  return (
                    <li key={item.id} className={`timeline-item timeline-${item.kind}`}>
                      <div className="timeline-head">
                        <span className="chip">{labelOf(t, "kinds", item.kind)}</span>
                        <time dateTime={item.occurredAt} title={f.dateTime(item.occurredAt)}>
                          {f.dateTime(item.occurredAt)}
                        </time>
                      </div>
                      {item.kind === "field_change" && Object.keys(item.data).length > 0 ? (
                        <FieldChanges data={item.data} />
                      ) : item.kind === "created" ? null : item.summary ? (
                        <p className="timeline-summary">{item.summary}</p>
                      ) : (
                        <p className="muted small">{t("customers.timeline.noSummary")}</p>
                      )}
                      {item.kind === "survey_response" && <SurveyScores data={item.data} />}
                      {mergeId && canUndo && <UndoMerge mergeId={mergeId} />}
                    </li>
                  );
                })}
              </ol>
              <LoadMore pages={timeline} />
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}

const valueText = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : Array.isArray(value) ? value.join(", ") || "—" : typeof value === "object" ? JSON.stringify(value) : String(value));

/** A change of fields as "City: London → Leeds", one line per field. */
function FieldChanges({ data }: { data: Record<string, unknown> }) {
  const t = useT();
  return (
    <ul className="field-changes">
      {Object.entries(data).map(([field, change]) => {
        const { from, to } = (change ?? {}) as { from?: unknown; to?: unknown };
        const key = `customers.fields.${field}` as MessageKey;
        const label = t(key) === key ? field : t(key);
        return (
          <li key={field}>
            {t("customers.timeline.changed", { field: label, from: valueText(from), to: valueText(to) })}
          </li>
        );
      })}
    </ul>
  );
}

/** The headline scores a survey answer carries on the timeline (NPS, CSAT, CES). */
function SurveyScores({ data }: { data: Record<string, unknown> }) {
  const t = useT();
  const scores = (["nps", "csat", "ces"] as const).filter((key) => typeof data[key] === "number");
  if (scores.length === 0) return null;
  return (
    <p className="row small">
      {scores.map((key) => (
        <span key={key} className="chip chip-success">
          {t(`customers.surveys.${key}`, { n: Number(data[key]) })}
        </span>
      ))}
    </p>
  );
}
