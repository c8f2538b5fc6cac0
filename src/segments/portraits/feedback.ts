import type { SQL } from "drizzle-orm";
import { topKeywords, type Count } from "../../analytics/index.ts";
import type { Transaction } from "../../platform/db.ts";

/**
 * A source of customers' free-text feedback for portraits: given a subquery of customer ids
 * (`select customer_id ...`), the texts those customers wrote, at most `limit`. Capabilities
 * that collect feedback (survey answers) register theirs in `feedbackSources`.
 */
export type FeedbackSource = { name: string; texts(tx: Transaction, customerIds: SQL, limit: number): Promise<string[]> };

/** Every registered source; none until a capability that collects feedback registers one. */
export const feedbackSources: FeedbackSource[] = [];

/** Texts read per portrait: enough for stable keyword counts, bounded work. */
const MAX_TEXTS = 2000;

/** The keywords of what these customers wrote, from every registered source, most mentioned first. */
export async function feedbackKeywords(tx: Transaction, customerIds: SQL, sources: readonly FeedbackSource[] = feedbackSources): Promise<Count[]> {
  const texts: string[] = [];
  for (const source of sources) texts.push(...(await source.texts(tx, customerIds, MAX_TEXTS - texts.length)));
  return topKeywords(texts);
}
