import { useAccount } from "../../account/account.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Page } from "../../ui/page.tsx";
import { FillStep } from "./fill-step.tsx";
import { RecentImports } from "./recent-imports.tsx";
import { TemplateStep } from "./template-step.tsx";
import { UploadStep } from "./upload-step.tsx";
import { useTemplateLanguage } from "./use-template-language.ts";

/** /imports: the material's three steps (download the template, fill it, upload it), then the imports so far. */
export function ImportStart() {
  const t = useT();
  const { me, hasRole } = useAccount();
  const [language, setLanguage] = useTemplateLanguage();
  if (me && !hasRole("owner", "admin")) {
    return (
      <Page title={t("imports.title")}>
        <Alert tone="info">{t("imports.managersOnly")}</Alert>
      </Page>
    );
  }
  return (
    <Page title={t("imports.title")} description={t("imports.description")}>
      <ol className="import-steps" aria-label={t("imports.steps.label")}>
        <TemplateStep language={language} onLanguage={setLanguage} />
        <FillStep language={language} />
        <UploadStep />
      </ol>
      <RecentImports />
    </Page>
  );
}
