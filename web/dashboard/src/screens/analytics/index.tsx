import { useT } from "../../i18n/i18n.tsx";
import { Page } from "../../ui/page.tsx";

export default function AnalyticsArea() {
  const t = useT();
  return <Page title={t("common.nav.analytics")}>{null}</Page>;
}
