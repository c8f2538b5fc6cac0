import { useMutation } from "@tanstack/react-query";
import { download } from "../../charts/csv.ts";
import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { SelectField } from "../../ui/field.tsx";
import { fetchTemplate, type TemplateLanguage } from "./import-api.ts";
import { Step } from "./step.tsx";

/** Step one: the CSV template in English or Chinese, downloaded with the user's session. */
export function TemplateStep({ language, onLanguage }: { language: TemplateLanguage; onLanguage(language: TemplateLanguage): void }) {
  const t = useT();
  const save = useMutation({
    mutationFn: async () => {
      const text = await fetchTemplate(language);
      download(new Blob([text], { type: "text/csv;charset=utf-8" }), language === "zh" ? "ckm-import-template-zh.csv" : "ckm-import-template.csv");
    },
  });
  return (
    <Step n={1} title={t("imports.template.title")}>
      <p>{t("imports.template.intro")}</p>
      <div className="toolbar">
        <SelectField label={t("imports.template.language")} value={language} onChange={(event) => onLanguage(event.target.value as TemplateLanguage)}>
          <option value="en">{t("imports.template.languages.en")}</option>
          <option value="zh">{t("imports.template.languages.zh")}</option>
        </SelectField>
        <Button variant="primary" busy={save.isPending} onClick={() => save.mutate()}>
          {save.isPending ? t("imports.template.downloading") : t("imports.template.download")}
        </Button>
      </div>
      <ErrorAlert error={save.error} />
    </Step>
  );
}
