import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert, ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { TextArea, TextField } from "../../ui/field.tsx";
import { Card } from "../../ui/page.tsx";
import { fieldsWith, type AttributeInfo } from "./catalogue.ts";
import { FilterBuilder } from "./filter-builder.tsx";
import { buildFilter, draftFrom, newCondition, newGroup, sameFilter, type GroupDraft } from "./filter-draft.ts";
import { placeIssues } from "./filter-issues.ts";
import { PreviewPanel } from "./preview-panel.tsx";
import { keys, useDebounced, usePreview, type Segment } from "./segment-api.ts";

type Props = { segment?: Segment; attributes: AttributeInfo[]; canEdit: boolean; justCreated?: boolean };

/** The first draft of a new segment: one condition, ready to fill in. */
const blank = (): GroupDraft => newGroup("all", [newCondition("customer.country", "eq")]);

/**
 * Name, description and filter of a segment, with the live preview beside them. Saving sends the
 * whole draft: the API's issues land on the condition they point at, the name's on the name.
 */
export function SegmentForm({ segment, attributes, canEdit, justCreated = false }: Props) {
  const t = useT();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const fields = useMemo(() => fieldsWith(attributes), [attributes]);
  const [name, setName] = useState(segment?.name ?? "");
  const [description, setDescription] = useState(segment?.description ?? "");
  const [draft, setDraftState] = useState<GroupDraft>(() => (segment ? draftFrom(segment.filter, fields) : blank()));
  const [saved, setSaved] = useState(justCreated);

  const settledDraft = useDebounced(draft);
  const previewed = useMemo(() => buildFilter(settledDraft, fields, true), [settledDraft, fields]);
  const preview = usePreview(previewed.filter);
  const whole = useMemo(() => buildFilter(draft, fields, false), [draft, fields]);

  const save = useMutation({
    mutationFn: async ({ filter }: { filter: unknown; paths: Map<string, string> }) => {
      const body = { name, description: description.trim() || null, filter };
      return segment
        ? unwrap(api.v1.segments[":segmentId"].$patch({ param: { segmentId: segment.id }, json: body }))
        : unwrap(api.v1.segments.$post({ json: body }));
    },
    onSuccess: (result) => {
      queryClient.setQueryData(keys.detail(result.id), result);
      void queryClient.invalidateQueries({ queryKey: keys.list });
      void queryClient.invalidateQueries({ queryKey: keys.members(result.id) });
      setSaved(true);
      if (!segment) navigate(`/${result.id}`, { replace: true, state: { created: true } });
    },
  });

  const edited = () => {
    setSaved(false);
    if (save.isError) save.reset();
  };
  const setDraft = (next: GroupDraft) => {
    setDraftState(next);
    edited();
  };

  const placed = save.isError ? placeIssues(save.error, save.variables.paths) : placeIssues(preview.isError ? preview.error : null, previewed.paths);
  const unsaved = segment ? name !== segment.name || (description.trim() || null) !== segment.description || !sameFilter(whole.filter, segment.filter) : true;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(whole);
  };

  return (
    <form className="segment-layout" onSubmit={submit} noValidate>
      <div className="segment-main">
        {!canEdit && <Alert tone="info">{t("segments.editor.readOnly")}</Alert>}
        <Card>
          <fieldset className="plain-fieldset" disabled={!canEdit}>
            <TextField label={t("segments.editor.name")} value={name} required maxLength={200} error={placed.byField.get("name")} onChange={(event) => (setName(event.target.value), edited())} />
            <TextArea
              label={t("segments.editor.description")}
              hint={t("segments.editor.descriptionHint")}
              value={description}
              rows={2}
              error={placed.byField.get("description")}
              onChange={(event) => (setDescription(event.target.value), edited())}
            />
          </fieldset>
        </Card>
        <Card title={t("segments.builder.title")}>
          <p className="muted small">{t("segments.builder.intro")}</p>
          <fieldset className="plain-fieldset" disabled={!canEdit}>
            <legend className="visually-hidden">{t("segments.builder.title")}</legend>
            <FilterBuilder draft={draft} onChange={setDraft} fields={fields} attributes={attributes} issues={placed.byNode} />
          </fieldset>
        </Card>
        {save.isError && (placed.byNode.size > 0 ? <Alert tone="error">{t("segments.editor.fixFilter")}</Alert> : placed.byField.size === 0 && <ErrorAlert error={save.error} />)}
        {saved && !save.isPending && <Alert tone="success">{t("segments.editor.saved")}</Alert>}
        <div className="row segment-submit">
          {canEdit && (
            <Button type="submit" variant="primary" busy={save.isPending}>
              {save.isPending ? t("segments.editor.saving") : t("segments.editor.save")}
            </Button>
          )}
          {canEdit && segment && unsaved && !saved && <span className="chip chip-warning">{t("segments.editor.unsaved")}</span>}
        </div>
      </div>
      <aside className="segment-side">
        <PreviewPanel preview={preview} hasFilter={previewed.filter !== null} skipped={previewed.skipped} pending={settledDraft !== draft} />
      </aside>
    </form>
  );
}
