import type { Language } from "./translate.ts";

export type TenantFormat = { locale?: string | null; currency: string; timezone: string };

/**
 * The locale numbers and dates are written in: the tenant's own (say en-GB) while the interface
 * speaks its language, else the interface's language, so Chinese text never sits beside English
 * month names. Currency and time zone are always the tenant's.
 */
export function formatLocale(language: Language, tenantLocale?: string | null): string {
  if (tenantLocale && tenantLocale.split("-")[0] === language.split("-")[0]) return tenantLocale;
  return language === "en" ? "en-GB" : language;
}

/** Formatters for one locale, currency and time zone, built once per change. */
export function makeFormat(locale: string, tenant: TenantFormat) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: tenant.timezone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timezone });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyIn = (currency: string) => {
    let format = moneyFormats.get(currency);
    if (!format) moneyFormats.set(currency, (format = new Intl.NumberFormat(locale, { style: "currency", currency })));
    return format;
  };
  const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));
  return {
    locale,
    currency: tenant.currency,
    timezone: tenant.timezone,
    integer: (value: number) => integer.format(value),
    number: (value: number) => decimal.format(value),
    percent: (ratio: number) => percent.format(ratio),
    compact: (value: number) => compact.format(value),
    money: (amount: number | string, currency = tenant.currency) => moneyIn(currency).format(Number(amount)),
    date: (value: string | number | Date) => date.format(toDate(value)),
    dateTime: (value: string | number | Date) => dateTime.format(toDate(value)),
    /** "3 days ago", "in 2 weeks": the largest unit that fits. */
    relative(value: string | number | Date) {
      const seconds = (toDate(value).getTime() - Date.now()) / 1000;
      const units: [Intl.RelativeTimeFormatUnit, number][] = [["year", 31_536_000], ["month", 2_592_000], ["week", 604_800], ["day", 86_400], ["hour", 3_600], ["minute", 60]];
      for (const [unit, size] of units) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
      return relative.format(Math.round(seconds), "second");
    },
  };
}

export type Format = ReturnType<typeof makeFormat>;
