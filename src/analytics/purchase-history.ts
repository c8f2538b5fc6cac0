import type { TimeUnit } from "./bg-nbd.ts";

const DAY_MS = 86_400_000;

/** Days in each model time unit; a month is the mean Gregorian month. */
export const DAYS_PER_UNIT: Record<TimeUnit, number> = { day: 1, week: 7, month: 30.436875 };

/** One order as the models read it: when, and for how much (in any consistent unit, e.g. minor units). */
export interface OrderPoint {
  at: number;
  amount: number;
}

/** A customer's history in model time units, with the mean value of repeat purchase days (0 when x = 0). */
export interface PurchaseSummary {
  x: number;
  tx: number;
  T: number;
  meanSpend: number;
}

/**
 * Turns one customer's orders (timestamps in ms) into the (x, tx, T, mean spend) the models read. Orders
 * are grouped by calendar day, shifted by `utcOffsetMinutes` to the tenant's zone, because two orders on the
 * same day are one shopping occasion, not a repeat purchase; this is also what makes histories of different
 * customers coincide so fits can group them. x is the number of purchase days after the first, tx and T run
 * from the first purchase day to the last one and to `observationEnd`, and the mean spend is over the repeat
 * days only, which is what Gamma-Gamma expects. Orders after `observationEnd` are ignored; null means the
 * customer had no order by then.
 */
export function summarisePurchases(
  orders: readonly OrderPoint[],
  observationEnd: number,
  unit: TimeUnit,
  utcOffsetMinutes = 0,
): PurchaseSummary | null {
  const dayOf = (ms: number): number => Math.floor((ms + utcOffsetMinutes * 60_000) / DAY_MS);
  const byDay = new Map<number, number>();
  for (const order of orders) {
    if (order.at > observationEnd) continue;
    const day = dayOf(order.at);
    byDay.set(day, (byDay.get(day) ?? 0) + order.amount);
  }
  if (byDay.size === 0) return null;
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const perUnit = DAYS_PER_UNIT[unit];
  const repeatTotal = days.slice(1).reduce((sum, day) => sum + byDay.get(day)!, 0);
  return {
    x: days.length - 1,
    tx: (last - first) / perUnit,
    T: (dayOf(observationEnd) - first) / perUnit,
    meanSpend: days.length > 1 ? repeatTotal / (days.length - 1) : 0,
  };
}
