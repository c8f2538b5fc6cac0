import { useT } from "../../i18n/i18n.tsx";
import { Page } from "../../ui/page.tsx";

export default function HomeArea() {
  const t = useT();
  return <Page title={t("common.nav.home")}>{null}</Page>;
}
