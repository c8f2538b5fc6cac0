import { describe, expect, it } from "vitest";
import { associationRules, frequentItemsets, topRulesByProduct, type Basket } from "./association-rules.ts";
import { createRng, randomInt } from "./random.ts";

/** The five market baskets of Tan, Steinbach and Kumar's "Introduction to Data Mining", chapter 6. */
const BASKETS: Basket[] = [
  ["bread", "milk"],
  ["bread", "diapers", "beer", "eggs"],
  ["milk", "diapers", "beer", "cola"],
  ["bread", "milk", "diapers", "beer"],
  ["bread", "milk", "diapers", "cola"],
];

function rule(rules: ReturnType<typeof associationRules>, antecedent: string[], consequent: string[]) {
  const key = (items: string[]) => items.slice().sort().join(",");
  return rules.find((r) => key(r.antecedent) === key(antecedent) && key(r.consequent) === key(consequent));
}

describe("frequentItemsets", () => {
  it("finds the textbook's eight itemsets at 60% support", () => {
    const found = frequentItemsets(BASKETS, { minSupport: 0.6 });
    const byKey = Object.fromEntries(found.map((s) => [s.items.join(","), s.count]));
    expect(byKey).toEqual({
      bread: 4,
      milk: 4,
      diapers: 4,
      beer: 3,
      "bread,milk": 3,
      "bread,diapers": 3,
      "diapers,milk": 3,
      "beer,diapers": 3,
    });
  });

  it("agrees with brute-force counting on random baskets", () => {
    const rng = createRng(3);
    const products = ["a", "b", "c", "d", "e", "f", "g"];
    const baskets = Array.from({ length: 300 }, () => products.filter(() => randomInt(rng, 3) === 0));
    const found = frequentItemsets(baskets, { minSupport: 0.05, maxLength: 3 });
    const expected = new Map<string, number>();
    for (let mask = 1; mask < 1 << products.length; mask++) {
      const items = products.filter((_, i) => mask & (1 << i));
      if (items.length > 3) continue;
      const count = baskets.filter((b) => items.every((i) => b.includes(i))).length;
      if (count >= 15) expected.set(items.join(","), count);
    }
    expect(new Map(found.map((s) => [s.items.join(","), s.count]))).toEqual(expected);
  });
});

describe("associationRules", () => {
  it("computes the textbook's support, confidence and lift for {milk, diapers, beer}", () => {
    const rules = associationRules(BASKETS, { minSupport: 0.4 });
    const cases: [string[], string[], number][] = [
      [["milk", "diapers"], ["beer"], 2 / 3],
      [["milk", "beer"], ["diapers"], 1],
      [["diapers", "beer"], ["milk"], 2 / 3],
      [["beer"], ["milk", "diapers"], 2 / 3],
      [["milk"], ["diapers", "beer"], 1 / 2],
      [["diapers"], ["milk", "beer"], 1 / 2],
    ];
    // Supports: milk 4/5, diapers 4/5, beer 3/5, {milk, diapers} 3/5, {diapers, beer} 3/5, {milk, beer} 2/5.
    const support: Record<string, number> = { beer: 0.6, diapers: 0.8, milk: 0.8, "diapers,milk": 0.6, "beer,diapers": 0.6, "beer,milk": 0.4 };
    for (const [antecedent, consequent, confidence] of cases) {
      const found = rule(rules, antecedent, consequent);
      expect(found).toBeDefined();
      expect(found!.support).toBeCloseTo(0.4, 14);
      expect(found!.confidence).toBeCloseTo(confidence, 14);
      expect(found!.lift).toBeCloseTo(confidence / support[consequent.slice().sort().join(",")]!, 14);
    }
    expect(rule(rules, ["beer"], ["diapers"])).toMatchObject({ support: 0.6, confidence: 1, lift: 1.25 });
  });

  it("drops rules below the minimum confidence and sorts by lift", () => {
    const rules = associationRules(BASKETS, { minSupport: 0.4, minConfidence: 0.7 });
    expect(rules.every((r) => r.confidence >= 0.7)).toBe(true);
    expect(rules.map((r) => r.lift)).toEqual(rules.map((r) => r.lift).sort((a, b) => b - a));
  });

  it("lists each product's strongest single-item-antecedent rules", () => {
    const top = topRulesByProduct(associationRules(BASKETS, { minSupport: 0.4 }), 2);
    const beer = top.get("beer")!;
    expect(beer).toHaveLength(2);
    expect(beer[0]).toMatchObject({ antecedent: ["beer"], consequent: ["diapers"], lift: 1.25 });
    for (const rules of top.values()) for (const r of rules) expect(r.antecedent).toHaveLength(1);
  });
});
