import { useT } from "../../i18n/i18n.tsx";
import { Page } from "../../ui/page.tsx";

export default function SurveysArea() {
  const t = useT();
  return <Page title={t("common.nav.surveys")}>{null}</Page>;
}
