import { useFormat, useT } from "../../i18n/i18n.tsx";
import type { Format } from "../../i18n/format.ts";
import { Stat } from "../../ui/page.tsx";
import { useLatestNps, useRevenue } from "./home-queries.ts";

/** An amount in minor units (pence, fen) as money in its currency, with that currency's own decimals. */
export function moneyOfMinor(f: Format, minor: number, currency: string): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return f.money(minor / 10 ** digits, currency);
}

/** The three headline figures: customers, net revenue in the tenant's currency, and the latest NPS. */
export function HomeStats({ customers }: { customers: number }) {
  const t = useT();
  const f = useFormat();
  const revenue = useRevenue();
  const nps = useLatestNps();
  const currencies = revenue.data ?? [];
  const main = currencies.find((row) => row.currency === f.currency) ?? currencies[0];
  const others = currencies.filter((row) => row !== main);
  const score = nps.results.data?.nps;
  const npsValue = !nps.allowed || !score || score.nps === null ? "–" : f.integer(Math.round(score.nps));
  const npsDetail = !nps.allowed
    ? t("home.stats.npsHidden")
    : score && score.nps !== null && nps.survey
      ? t("home.stats.npsDetail", { n: f.integer(score.responses), survey: nps.survey.name })
      : t("home.stats.noNps");
  return (
    <section className="stats" aria-label={t("home.stats.label")}>
      <Stat label={t("home.stats.customers")} value={<span data-stat="customers">{f.integer(customers)}</span>} />
      <Stat
        label={t("home.stats.revenue")}
        value={<span data-stat="revenue">{main ? moneyOfMinor(f, main.netMinor, main.currency) : revenue.isPending ? "…" : moneyOfMinor(f, 0, f.currency)}</span>}
        detail={
          main ? (
            <>
              {t("home.stats.revenueDetail", { orders: f.integer(main.orders), customers: f.integer(main.customers) })}
              {others.length > 0 && <> · {t("home.stats.otherCurrencies", { amounts: others.map((row) => moneyOfMinor(f, row.netMinor, row.currency)).join(", ") })}</>}
            </>
          ) : (
            t("home.stats.noRevenue")
          )
        }
      />
      <Stat label={t("home.stats.nps")} value={<span data-stat="nps">{npsValue}</span>} detail={npsDetail} />
    </section>
  );
}
