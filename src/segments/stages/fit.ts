import { buildSecondOrderCurve, fitGammaGamma, fitGroupedBgNbd, type BgNbdFit, type GammaGammaFit, type SecondOrderCurve } from "../../analytics/index.ts";
import type { Insufficient } from "../../analytics/index.ts";
import type { CustomerMeasures } from "./rfm.ts";

export type FittedModels = {
  timeUnit: "week";
  bgNbd: BgNbdFit & { penalty?: number };
  gammaGamma: GammaGammaFit & { penalty?: number };
  secondOrder: SecondOrderCurve | Insufficient;
};

/**
 * L2 penalties tried, smallest first, when the plain maximum-likelihood fit runs off to a limiting
 * case (with a year of data, nobody may seem to drop out): the first fit that converges is kept,
 * and its penalty is reported with it. If none converges, the plain fit's honest failure stands.
 */
export const PENALTIES = [0, 0.001, 0.01, 0.1];

function fitWithPenalty<F extends { status: string }>(fit: (penalty: number) => F): F & { penalty?: number } {
  const plain = fit(0);
  if (plain.status !== "not-converged") return plain;
  for (const penalty of PENALTIES.slice(1)) {
    const penalised = fit(penalty);
    if (penalised.status === "ok") return { ...penalised, penalty };
  }
  return plain;
}

/**
 * Fits the run's models on what `measureCustomers` read: BG/NBD on every customer's (x, t_x, T),
 * grouped so the fit costs one term per distinct history; Gamma-Gamma on repeat buyers' mean
 * repeat spend; and the second-order curve for one-time buyers' churn risk. The last two read
 * the deterministic sample when a tenant has more customers than they need.
 */
export function fitModels(measures: CustomerMeasures): FittedModels {
  const bgNbd = fitWithPenalty((penalty) => fitGroupedBgNbd(measures.histories, { timeUnit: "week", penalty }));
  const gammaGamma = fitWithPenalty((penalty) => fitGammaGamma(measures.spenders, { penalty }));
  const secondOrder = buildSecondOrderCurve(measures.sample.map((customer) => ({ ageDays: customer.ageDays, daysToSecondOrder: customer.secondDays })));
  return { timeUnit: "week", bgNbd, gammaGamma, secondOrder };
}
