import { useQuery } from "@tanstack/react-query";
import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Loading } from "../../ui/query-state.tsx";
import { parseCsv } from "./csv-text.ts";
import { fetchTemplate, type TemplateLanguage } from "./import-api.ts";
import { Step } from "./step.tsx";

const RULES = ["matching", "orders", "returns", "dates", "amounts", "tags", "saveAs"] as const;

/** Step two: what goes in the template, with its columns read from the template itself. */
export function FillStep({ language }: { language: TemplateLanguage }) {
  const t = useT();
  const template = useQuery({ queryKey: ["imports", "template", language], queryFn: () => fetchTemplate(language), staleTime: 5 * 60_000 });
  const columns = template.data ? (parseCsv(template.data)[0] ?? []).filter(Boolean) : [];
  return (
    <Step n={2} title={t("imports.fill.title")}>
      <p>{t("imports.fill.intro")}</p>
      <ul className="import-rules">
        {RULES.map((rule) => (
          <li key={rule}>{t(`imports.fill.rules.${rule}`)}</li>
        ))}
      </ul>
      {template.isPending && <Loading label={t("imports.fill.loadingColumns")} />}
      <ErrorAlert error={template.error} />
      {columns.length > 0 && (
        <>
          <h3 id="template-columns">{t("imports.fill.columns", { n: columns.length })}</h3>
          <ul className="import-columns" aria-labelledby="template-columns">
            {columns.map((column) => (
              <li key={column} className="chip">
                {column}
              </li>
            ))}
          </ul>
        </>
      )}
    </Step>
  );
}
