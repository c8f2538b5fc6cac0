import { Link } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/alert.tsx";
import type { Run } from "./run-model.ts";

/** Says why a run scored fewer customers than expected: it counts orders in the tenant's currency only. */
export function OtherCurrenciesAlert({ run }: { run: Run }) {
  const t = useT();
  const f = useFormat();
  const { me } = useAccount();
  const others = run.diagnostics.otherCurrencies ?? [];
  if (others.length === 0) return null;
  const items = others.map(({ currency, orders }) => t("analytics.otherCurrencies.item", { orders: f.integer(orders), currency })).join(t("analytics.otherCurrencies.separator"));
  return (
    <Alert tone="warning" title={t("analytics.otherCurrencies.title")}>
      <p>
        {t("analytics.otherCurrencies.leftOut", { items, currency: me?.tenant.currency ?? "" })} <Link href="~/settings/general">{t("analytics.otherCurrencies.change")}</Link>
      </p>
    </Alert>
  );
}
