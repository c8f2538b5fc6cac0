import { useT } from "../../i18n/i18n.tsx";
import { Page } from "../../ui/page.tsx";

export default function SegmentsArea() {
  const t = useT();
  return <Page title={t("common.nav.segments")}>{null}</Page>;
}
