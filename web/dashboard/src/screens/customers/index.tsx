import { useT } from "../../i18n/i18n.tsx";
import { Page } from "../../ui/page.tsx";

export default function CustomersArea() {
  const t = useT();
  return <Page title={t("common.nav.customers")}>{null}</Page>;
}
