import type { SQL } from "drizzle-orm";
import type { Count } from "../../analytics/index.ts";
import { keywords } from "../../analytics/keywords.ts";
import type { Transaction } from "../../platform/db.ts";
import { openTextAnswers } from "../../surveys/open-text-answers.ts";

/** One free-text answer and the language it was written in (for word segmentation). */
export type FeedbackText = { text: string; language: string };

/**
 * A source of customers' free-text feedback for portraits: given a subquery of customer ids
 * (`select customer_id ...`), the texts those customers wrote, at most `limit`.
 */
export type FeedbackSource = { name: string; texts(tx: Transaction, customerIds: SQL, limit: number): Promise<FeedbackText[]> };

/** Every source of feedback: survey answers typed by the customers. */
export const feedbackSources: FeedbackSource[] = [{ name: "survey answers", texts: openTextAnswers }];

/** Texts read per portrait: enough for stable keyword counts, bounded work. */
const MAX_TEXTS = 2000;

/** The keywords of what these customers wrote, from every registered source, most mentioned first. */
export async function feedbackKeywords(tx: Transaction, customerIds: SQL, sources: readonly FeedbackSource[] = feedbackSources): Promise<Count[]> {
  const texts: FeedbackText[] = [];
  for (const source of sources) texts.push(...(await source.texts(tx, customerIds, MAX_TEXTS - texts.length)));
  return keywords(texts, 20).map(({ term, count }) => ({ label: term, count }));
}
