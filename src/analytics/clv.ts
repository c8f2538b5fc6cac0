import type { BgNbdParams, PurchaseHistory } from "./bg-nbd.ts";
import { conditionalExpectedPurchasesAt } from "./bg-nbd-predict.ts";
import { conditionalExpectedSpend, type GammaGammaParams } from "./gamma-gamma.ts";

/** The two fitted models CLV combines: BG/NBD for how many purchases, Gamma-Gamma for how much each. */
export interface ClvModels {
  bgNbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
}

/** A customer's purchase history plus the mean value of their repeat purchases (ignored when x = 0). */
export interface ClvCustomer extends PurchaseHistory {
  meanSpend: number;
}

/**
 * Horizon and period length are in the BG/NBD model's time unit; `discountRate` is per period (a yearly
 * 10% with monthly periods is about 0.8%); `margin` is the share of revenue counted as value (1 = revenue).
 */
export interface ClvOptions {
  horizon: number;
  periodLength: number;
  discountRate: number;
  margin?: number;
}

/**
 * Predicted customer lifetime value over a horizon: Σₖ spend · margin · (E[Y(tₖ)] − E[Y(tₖ₋₁)]) / (1 + d)^k,
 * where E[Y(t)] is BG/NBD's expected purchases in the next t given the history, tₖ = min(k · period,
 * horizon), and spend is Gamma-Gamma's expected transaction value. Purchases are discounted at the end of the
 * period they fall in. The spend model is taken as independent of frequency, which is what it assumes.
 */
export function predictClv(models: ClvModels, customer: ClvCustomer, options: ClvOptions): number {
  const { horizon, periodLength, discountRate } = options;
  if (!(horizon >= 0) || !(periodLength > 0) || !(discountRate > -1)) {
    throw new RangeError("CLV needs horizon ≥ 0, period length > 0 and discount rate > −1");
  }
  const spend = conditionalExpectedSpend(models.gammaGamma, customer.x, customer.meanSpend) * (options.margin ?? 1);
  const periodEnds = Array.from({ length: Math.ceil(horizon / periodLength) }, (_, k) => Math.min((k + 1) * periodLength, horizon));
  let value = 0;
  let previous = 0;
  conditionalExpectedPurchasesAt(models.bgNbd, customer, periodEnds).forEach((cumulative, k) => {
    value += (spend * (cumulative - previous)) / Math.pow(1 + discountRate, k + 1);
    previous = cumulative;
  });
  return value;
}
