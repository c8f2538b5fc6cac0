import { useMemo } from "react";
import { useFormat } from "../../i18n/i18n.tsx";

const digits = new Map<string, number>();

/** Minor units (the API's amounts) to the currency's major units: pence to pounds, yen as they are. */
export function toMajor(minor: number, currency: string): number {
  let places = digits.get(currency);
  if (places === undefined) digits.set(currency, (places = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2));
  return minor / 10 ** places;
}

/** The tenant's currency: a minor-unit amount as major units, and formatted. */
export function useMoney() {
  const f = useFormat();
  return useMemo(() => ({ major: (minor: number) => toMajor(minor, f.currency), format: (minor: number) => f.money(toMajor(minor, f.currency)) }), [f]);
}
