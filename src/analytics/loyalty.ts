/**
 * Loyalty types by attachment (attitude) × repeat purchase (behaviour), after the course material's
 * classification. Four of them are assignable from a tenant's data:
 * - "super-value": high attachment, high repeat purchase, the loyalty worth having;
 * - "inertia": low attachment, high repeat purchase, out of habit or convenience;
 * - "incentive": low attachment, high repeat purchase, driven by promotions (told from inertia only when the
 *   share of orders placed with a promotion is known);
 * - "latent": high attachment, low repeat purchase, willing but not (yet) buying;
 * - "price": low attachment, low repeat purchase, buying on price when they buy at all.
 * The material's "monopoly" loyalty (repeat purchase for lack of alternatives) looks like inertia in the
 * data; it is a fact about the market, not the customer, so it is never assigned.
 */
export type LoyaltyType = "super-value" | "inertia" | "incentive" | "latent" | "price";

export type Level = "high" | "low";

/** The quadrant table, as data, for documentation and the dashboard's legend. */
export const LOYALTY_QUADRANTS: readonly { attitude: Level; behaviour: Level; type: LoyaltyType; note: string }[] = [
  { attitude: "high", behaviour: "high", type: "super-value", note: "attached and buying again" },
  { attitude: "low", behaviour: "high", type: "inertia", note: "buying again without attachment; 'incentive' when most orders used a promotion" },
  { attitude: "high", behaviour: "low", type: "latent", note: "attached but not buying again" },
  { attitude: "low", behaviour: "low", type: "price", note: "neither attached nor buying again" },
];

/**
 * The thresholds behind the quadrants. Attitude is high for an NPS promoter (9–10) or, with no NPS answer,
 * a top-two-box CSAT (4–5 on 1–5); passives count as low, since attachment means being willing to recommend.
 * Behaviour is judged only after `minTenureDays`, and is high with at least `minOrders` orders at a rate of
 * at least `minOrdersPerYear`. Incentive needs at least `minPromotionalShare` of orders placed on promotion.
 */
export const LOYALTY_RULE: LoyaltyRule = {
  attitude: { npsPromoterMin: 9, csatTopBoxMin: 4 },
  behaviour: { minTenureDays: 90, minOrders: 2, minOrdersPerYear: 2 },
  incentive: { minPromotionalShare: 0.5 },
};

/** The shape of `LOYALTY_RULE`, so a tenant's own thresholds can replace it. */
export interface LoyaltyRule {
  readonly attitude: { readonly npsPromoterMin: number; readonly csatTopBoxMin: number };
  readonly behaviour: { readonly minTenureDays: number; readonly minOrders: number; readonly minOrdersPerYear: number };
  readonly incentive: { readonly minPromotionalShare: number };
}

/** What the classification reads about one customer. Missing survey answers are null. */
export interface LoyaltyInput {
  nps: number | null;
  csat: number | null;
  orders: number;
  tenureDays: number;
  promotionalShare?: number | null;
}

/** The quadrant, with the two levels it came from; "unknown" when either level cannot be judged. */
export interface LoyaltyClass {
  type: LoyaltyType | "unknown";
  attitude: Level | "unknown";
  behaviour: Level | "unknown";
}

/**
 * Places a customer in a loyalty quadrant by `LOYALTY_RULE` (or a tenant's own thresholds). A customer with
 * no survey answer, or too new to judge repeat purchase, is "unknown" rather than guessed.
 */
export function classifyLoyalty(input: LoyaltyInput, rule: LoyaltyRule = LOYALTY_RULE): LoyaltyClass {
  const attitude = attitudeLevel(input, rule);
  const behaviour = behaviourLevel(input, rule);
  if (attitude === "unknown" || behaviour === "unknown") return { type: "unknown", attitude, behaviour };
  const quadrant = LOYALTY_QUADRANTS.find((q) => q.attitude === attitude && q.behaviour === behaviour)!;
  const promoted = (input.promotionalShare ?? 0) >= rule.incentive.minPromotionalShare;
  const type = quadrant.type === "inertia" && promoted ? "incentive" : quadrant.type;
  return { type, attitude, behaviour };
}

function attitudeLevel(input: LoyaltyInput, rule: LoyaltyRule): Level | "unknown" {
  if (input.nps !== null) return input.nps >= rule.attitude.npsPromoterMin ? "high" : "low";
  if (input.csat !== null) return input.csat >= rule.attitude.csatTopBoxMin ? "high" : "low";
  return "unknown";
}

function behaviourLevel(input: LoyaltyInput, rule: LoyaltyRule): Level | "unknown" {
  const { minTenureDays, minOrders, minOrdersPerYear } = rule.behaviour;
  if (input.tenureDays < minTenureDays) return "unknown";
  const perYear = input.orders / (input.tenureDays / 365.25);
  return input.orders >= minOrders && perYear >= minOrdersPerYear ? "high" : "low";
}
