import { useEffect, useMemo, useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { Alert, ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { Card, Page } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { BuilderQuestions } from "./builder-questions.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { EmbedSnippet } from "./embed-snippet.tsx";
import { DefinitionIssues, NO_ISSUES } from "./issues.ts";
import { EditingLanguage, LanguagesEditor } from "./languages-editor.tsx";
import type { Definition, SurveyWithVersions } from "./model.ts";
import { ShowingRules } from "./showing-rules.tsx";
import { StatusChip } from "./status-chip.tsx";
import { ThemeEditor } from "./theme-editor.tsx";
import { TranslatedField } from "./translated-field.tsx";
import { useSurvey } from "./use-survey.ts";
import { VersionsCard } from "./versions-card.tsx";
import { WidgetPreview } from "./widget-preview.tsx";

type Confirming = "publish" | "close" | "delete" | null;

function BuilderForm({ survey, actions }: { survey: SurveyWithVersions; actions: ReturnType<typeof useSurvey> }) {
  const t = useT();
  const { hasRole } = useAccount();
  const [, navigate] = useLocation();
  const [name, setName] = useState(survey.name);
  const [definition, setDefinition] = useState<Definition>(survey.draft);
  const [editing, setEditing] = useState(survey.draft.defaultLanguage);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { save, publish, close, remove } = actions;
  const mayEdit = hasRole("owner", "admin");
  const closed = survey.status === "closed";
  const readOnly = !mayEdit || closed;
  const dirty = name !== survey.name || JSON.stringify(definition) !== JSON.stringify(survey.draft);
  const issues = useMemo(() => (save.error ? new DefinitionIssues(save.error) : NO_ISSUES), [save.error]);
  const language = definition.languages.includes(editing) ? editing : definition.defaultLanguage;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const saveDraft = async () => {
    setNotice(null);
    const saved = await save.mutateAsync({ name, definition });
    setDefinition(saved.draft);
    setName(saved.name);
    setNotice(t("surveys.builder.saved"));
  };
  const confirm = async () => {
    try {
      if (confirming === "publish") {
        if (dirty && !closed) await saveDraft();
        const published = await publish.mutateAsync();
        setNotice(t("surveys.builder.published", { version: published.version ?? 1 }));
      } else if (confirming === "close") {
        await close.mutateAsync();
        setNotice(t("surveys.builder.closedNotice"));
      } else if (confirming === "delete") {
        await remove.mutateAsync();
        navigate("/");
        return;
      }
    } catch {
      // the error is shown beside the actions
    }
    setConfirming(null);
  };

  const failure = save.error ?? publish.error ?? close.error ?? remove.error;
  return (
    <Page
      title={name || t("surveys.builder.untitled")}
      description={
        <span className="row">
          <StatusChip status={survey.status} />
          <span>{survey.version === null ? t("surveys.list.notPublished") : t("surveys.list.version", { version: survey.version })}</span>
          {dirty && <span className="chip chip-warning">{t("surveys.builder.unsaved")}</span>}
        </span>
      }
      actions={
        <>
          <Link href={`/${survey.id}/results`} className="button button-secondary">{t("surveys.list.results")}</Link>
          {mayEdit && !closed && (
            <Button variant="secondary" busy={save.isPending} disabled={!dirty} onClick={() => void saveDraft().catch(() => undefined)}>
              {save.isPending ? t("common.saving") : t("surveys.builder.save")}
            </Button>
          )}
          {mayEdit && (
            <Button variant="primary" onClick={() => setConfirming("publish")}>
              {closed ? t("surveys.builder.reopen") : t("surveys.builder.publish")}
            </Button>
          )}
          {mayEdit && survey.status === "published" && <Button onClick={() => setConfirming("close")}>{t("surveys.builder.close")}</Button>}
          {mayEdit && survey.version === null && <Button variant="danger" onClick={() => setConfirming("delete")}>{t("common.delete")}</Button>}
        </>
      }
    >
      {notice && !failure && <Alert tone="success">{notice}</Alert>}
      {failure && <ErrorAlert error={failure} title={issues.list.length ? t("surveys.builder.fixIssues", { n: issues.list.length }) : undefined} />}
      {!mayEdit && <Alert>{t("surveys.builder.readOnly")}</Alert>}
      {mayEdit && closed && <Alert tone="warning">{t("surveys.builder.closedHint")}</Alert>}
      <EditingLanguage definition={definition} editing={language} onEdit={setEditing} />
      <div className="builder-layout">
        <div className="builder-main">
          <Card title={t("surveys.builder.basics")}>
            <TextField label={t("surveys.builder.name")} hint={t("surveys.builder.nameHint")} value={name} required maxLength={200} disabled={readOnly} error={save.error ? issues.list.find((issue) => issue.path === "name")?.message : undefined} onChange={(event) => setName(event.target.value)} />
            <TranslatedField label={t("surveys.builder.surveyTitle")} text={definition.title} language={language} defaultLanguage={definition.defaultLanguage} disabled={readOnly} error={issues.at("title")} onChange={(title) => setDefinition({ ...definition, title })} />
          </Card>
          <LanguagesEditor definition={definition} issues={issues} disabled={readOnly} onChange={setDefinition} editing={language} onEdit={setEditing} />
          <BuilderQuestions definition={definition} language={language} issues={issues} disabled={readOnly} onChange={setDefinition} />
          <ShowingRules showing={definition.showing} issues={issues} disabled={readOnly} onChange={(showing) => setDefinition({ ...definition, showing })} />
          <ThemeEditor theme={definition.theme} issues={issues} disabled={readOnly} onChange={(theme) => setDefinition({ ...definition, theme })} />
        </div>
        <aside className="builder-side" aria-label={t("surveys.builder.side")}>
          <WidgetPreview surveyId={survey.id} version={(survey.version ?? 0) + 1} definition={definition} editing={language} />
          <VersionsCard survey={survey} />
          <EmbedSnippet surveyId={survey.id} published={survey.status === "published"} />
        </aside>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t(`surveys.confirm.${confirming}.title`, { version: (survey.version ?? 0) + 1 }) : ""}
        confirmLabel={confirming ? t(`surveys.confirm.${confirming}.action`, { version: (survey.version ?? 0) + 1 }) : ""}
        tone={confirming === "delete" || confirming === "close" ? "danger" : "primary"}
        busy={save.isPending || publish.isPending || close.isPending || remove.isPending}
        error={confirming ? failure : null}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(null)}
      >
        <p>{confirming ? t(`surveys.confirm.${confirming}.body`) : ""}</p>
        {confirming === "publish" && dirty && !closed && <p className="muted">{t("surveys.confirm.publish.unsaved")}</p>}
      </ConfirmDialog>
      <p className="muted small">
        <Link href="/">{t("surveys.builder.backToList")}</Link>
      </p>
    </Page>
  );
}

/** The survey builder at /surveys/:surveyId/edit. */
export function SurveyBuilder() {
  const { surveyId } = useParams<{ surveyId: string }>();
  const actions = useSurvey(surveyId);
  return <QueryState query={actions.survey}>{(survey) => <BuilderForm key={survey.id} survey={survey} actions={actions} />}</QueryState>;
}
