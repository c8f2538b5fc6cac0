import { Link } from "wouter";
import { useT } from "../i18n/i18n.tsx";
import { Page } from "../ui/page.tsx";

export function NotFound() {
  const t = useT();
  return (
    <Page title={t("common.notFound")}>
      <p>
        <Link href="~/">{t("common.backHome")}</Link>
      </p>
    </Page>
  );
}
