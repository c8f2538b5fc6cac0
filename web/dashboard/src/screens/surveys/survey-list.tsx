import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useSearchParams } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { api } from "../../api/client.ts";
import { ApiError, unwrap } from "../../api/problem.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { DataTable } from "../../ui/data-table.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { TextField } from "../../ui/field.tsx";
import { EmptyState, Page } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import type { Definition, SurveyStatus } from "./model.ts";
import { StatusChip } from "./status-chip.tsx";

const FILTERS = ["all", "draft", "published", "closed"] as const;

/** A first draft in the interface's language: one NPS question, shown on page load, once every 90 days. */
function starter(language: string, title: string, question: string): Definition {
  return {
    defaultLanguage: language,
    languages: [language],
    title: { [language]: title },
    questions: [{ id: "nps", type: "nps", text: { [language]: question }, required: true }],
    showing: { trigger: "load", samplingPercent: 100, recontactDays: 90 },
    theme: { primary: "#1f5fbf", background: "#ffffff", text: "#1b2430", position: "bottom-right" },
  };
}

function CreateSurvey({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, language } = useI18n();
  const [name, setName] = useState("");
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => unwrap(api.v1.surveys.$post({ json: { name, definition: starter(language, name, t("surveys.builder.starter.nps")) } })),
    onSuccess: (survey) => {
      void queryClient.invalidateQueries({ queryKey: ["surveys"] });
      navigate(`/${survey.id}/edit`);
    },
  });
  const nameIssue = create.error instanceof ApiError ? create.error.issueAt("json.name") : undefined;
  return (
    <Dialog open={open} title={t("surveys.create.title")} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <TextField label={t("surveys.builder.name")} hint={t("surveys.create.hint")} value={name} required maxLength={200} autoFocus error={nameIssue} onChange={(event) => setName(event.target.value)} />
        {!nameIssue && <ErrorAlert error={create.error} />}
        <div className="dialog-footer-inline">
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" busy={create.isPending} disabled={name.trim() === ""}>
            {t("surveys.create.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The surveys list at /surveys: status, versions and responses of each, filtered by status, and a new draft. */
export function SurveyList() {
  const { t } = useI18n();
  const f = useI18n().format;
  const { hasRole } = useAccount();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filter = (FILTERS as readonly string[]).includes(params.get("status") ?? "") ? (params.get("status") as (typeof FILTERS)[number]) : "all";
  const surveys = useQuery({
    queryKey: ["surveys", filter],
    queryFn: () => unwrap(api.v1.surveys.$get({ query: filter === "all" ? {} : { status: filter as SurveyStatus } })),
  });
  const mayCreate = hasRole("owner", "admin");
  return (
    <Page
      title={t("surveys.list.title")}
      description={t("surveys.list.description")}
      actions={mayCreate && <Button variant="primary" onClick={() => setCreating(true)}>{t("surveys.list.create")}</Button>}
    >
      <nav className="tabs" aria-label={t("surveys.list.filter")}>
        {FILTERS.map((value) => (
          <Link key={value} href={value === "all" ? "/" : `/?status=${value}`} aria-current={value === filter ? "page" : undefined}>
            {t(`surveys.list.filters.${value}`)}
          </Link>
        ))}
      </nav>
      <QueryState query={surveys}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t("surveys.list.empty")}>
              <p>{mayCreate ? t("surveys.list.emptyHint") : t("surveys.list.emptyReadOnly")}</p>
            </EmptyState>
          ) : (
            <DataTable
              caption={t("surveys.list.title")}
              rows={data.items}
              rowKey={(survey) => survey.id}
              columns={[
                { key: "name", header: t("surveys.list.name"), cell: (survey) => <Link href={`/${survey.id}/edit`}>{survey.name}</Link> },
                { key: "status", header: t("surveys.list.status"), cell: (survey) => <StatusChip status={survey.status} /> },
                { key: "version", header: t("surveys.list.versionColumn"), cell: (survey) => (survey.version === null ? t("surveys.list.notPublished") : t("surveys.list.version", { version: survey.version })) },
                { key: "responses", header: t("surveys.list.responses"), align: "end", cell: (survey) => f.integer(survey.responses) },
                { key: "updated", header: t("surveys.list.updated"), cell: (survey) => <time dateTime={survey.updatedAt} title={f.dateTime(survey.updatedAt)}>{f.relative(survey.updatedAt)}</time> },
                {
                  key: "actions",
                  header: t("common.actions"),
                  cell: (survey) => (
                    <span className="row">
                      <Link href={`/${survey.id}/edit`} aria-label={t("surveys.list.editNamed", { name: survey.name })}>{mayCreate ? t("common.edit") : t("surveys.list.view")}</Link>
                      <Link href={`/${survey.id}/results`} aria-label={t("surveys.list.resultsNamed", { name: survey.name })}>{t("surveys.list.results")}</Link>
                    </span>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      {creating && <CreateSurvey open onClose={() => setCreating(false)} />}
    </Page>
  );
}
