/** One order's distinct product ids. Repeats within a basket are counted once. */
export type Basket = readonly string[];

/** An itemset bought together in `count` baskets, `support` = count / baskets. Items are sorted. */
export interface FrequentItemset {
  items: string[];
  count: number;
  support: number;
}

/**
 * "Customers who bought the antecedent also bought the consequent": support = P(A ∪ C), confidence =
 * P(C | A), lift = confidence / P(C), above 1 when the two go together more than chance would have them.
 */
export interface AssociationRule {
  antecedent: string[];
  consequent: string[];
  count: number;
  support: number;
  confidence: number;
  lift: number;
}

/** `minSupport` is a share of baskets; `maxLength` caps itemset size, which bounds the work. */
export interface MiningOptions {
  minSupport: number;
  maxLength?: number;
}

interface FpNode {
  item: string;
  count: number;
  parent: FpNode | null;
  children: Map<string, FpNode>;
}

interface WeightedPath {
  items: string[];
  count: number;
}

/**
 * Frequent itemsets by FP-Growth (Han, Pei and Yin 2000): baskets are compressed into a prefix tree of
 * their frequent items, and itemsets are grown from each item's conditional tree, so the baskets are read
 * twice however many candidates there are, unlike Apriori's pass per itemset size.
 */
export function frequentItemsets(baskets: readonly Basket[], options: MiningOptions): FrequentItemset[] {
  const total = baskets.length;
  if (total === 0) return [];
  // The small allowance stops 0.4 × 5 landing a hair above 2 and demanding three baskets.
  const minCount = Math.max(1, Math.ceil(options.minSupport * total - 1e-9));
  const maxLength = options.maxLength ?? 4;
  const paths = baskets.map((b) => ({ items: [...new Set(b)], count: 1 }));

  const globalCounts = countItems(paths);
  const rank = new Map(
    [...globalCounts.entries()]
      .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
      .map(([item], i) => [item, i]),
  );
  const found: FrequentItemset[] = [];
  mine(paths, [], minCount, maxLength, rank, (items, count) => {
    found.push({ items: items.slice().sort(), count, support: count / total });
  });
  return found;
}

function countItems(paths: readonly WeightedPath[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of paths) for (const item of path.items) counts.set(item, (counts.get(item) ?? 0) + path.count);
  return counts;
}

function mine(
  paths: readonly WeightedPath[],
  suffix: readonly string[],
  minCount: number,
  maxLength: number,
  rank: ReadonlyMap<string, number>,
  emit: (items: string[], count: number) => void,
): void {
  const counts = countItems(paths);
  const header = buildTree(paths, counts, minCount, rank);
  // Least frequent first, as FP-Growth prescribes; any fixed order gives the same itemsets.
  const items = [...header.keys()].sort((a, b) => rank.get(b)! - rank.get(a)!);
  for (const item of items) {
    const itemset = [item, ...suffix];
    emit(itemset, counts.get(item)!);
    if (itemset.length >= maxLength) continue;
    const conditional: WeightedPath[] = [];
    for (const node of header.get(item)!) {
      const prefix: string[] = [];
      for (let p = node.parent; p !== null && p.parent !== null; p = p.parent) prefix.push(p.item);
      if (prefix.length > 0) conditional.push({ items: prefix, count: node.count });
    }
    if (conditional.length > 0) mine(conditional, itemset, minCount, maxLength, rank, emit);
  }
}

/** Inserts each path's frequent items, in global rank order, into a prefix tree; returns the header lists. */
function buildTree(
  paths: readonly WeightedPath[],
  counts: ReadonlyMap<string, number>,
  minCount: number,
  rank: ReadonlyMap<string, number>,
): Map<string, FpNode[]> {
  const root: FpNode = { item: "", count: 0, parent: null, children: new Map() };
  const header = new Map<string, FpNode[]>();
  for (const path of paths) {
    const items = path.items.filter((i) => counts.get(i)! >= minCount).sort((a, b) => rank.get(a)! - rank.get(b)!);
    let node = root;
    for (const item of items) {
      let child = node.children.get(item);
      if (!child) {
        child = { item, count: 0, parent: node, children: new Map() };
        node.children.set(item, child);
        const list = header.get(item);
        if (list) list.push(child);
        else header.set(item, [child]);
      }
      child.count += path.count;
      node = child;
    }
  }
  return header;
}

/**
 * Association rules from the frequent itemsets: every split of each itemset of two or more items into a
 * non-empty antecedent and consequent, kept when its confidence reaches `minConfidence`. Sorted by lift,
 * then confidence, then support, strongest first.
 */
export function associationRules(
  baskets: readonly Basket[],
  options: MiningOptions & { minConfidence?: number },
): AssociationRule[] {
  const itemsets = frequentItemsets(baskets, options);
  const total = baskets.length;
  const countOf = new Map(itemsets.map((s) => [s.items.join("\u0000"), s.count]));
  const lookup = (items: string[]): number => countOf.get(items.join("\u0000"))!;
  const minConfidence = options.minConfidence ?? 0;
  const rules: AssociationRule[] = [];
  for (const itemset of itemsets) {
    const n = itemset.items.length;
    if (n < 2) continue;
    // Each bit pattern other than none and all picks an antecedent; every subset of a frequent set is frequent.
    for (let mask = 1; mask < (1 << n) - 1; mask++) {
      const antecedent = itemset.items.filter((_, i) => mask & (1 << i));
      const consequent = itemset.items.filter((_, i) => !(mask & (1 << i)));
      const confidence = itemset.count / lookup(antecedent);
      if (confidence < minConfidence) continue;
      const lift = confidence / (lookup(consequent) / total);
      rules.push({ antecedent, consequent, count: itemset.count, support: itemset.support, confidence, lift });
    }
  }
  return rules.sort((a, b) => b.lift - a.lift || b.confidence - a.confidence || b.support - a.support);
}

/**
 * For each product, its strongest `limit` rules with that product alone as the antecedent ("bought X, also
 * bought ..."), in the order `associationRules` returns them.
 */
export function topRulesByProduct(rules: readonly AssociationRule[], limit: number): Map<string, AssociationRule[]> {
  const byProduct = new Map<string, AssociationRule[]>();
  for (const rule of rules) {
    if (rule.antecedent.length !== 1) continue;
    const product = rule.antecedent[0]!;
    const list = byProduct.get(product) ?? [];
    if (list.length < limit) list.push(rule);
    byProduct.set(product, list);
  }
  return byProduct;
}
