import type { Count } from "./portrait.ts";

/** Words too common to say anything about a customer (English), plus a few Chinese function words. */
const STOP_WORDS = new Set(
  (
    "a about after again all also am an and any are as at be because been before being but by can could did do does doing " +
    "don't for from had has have having he her here hers him his how i i'm if in into is it it's its just me more most my " +
    "no nor not now of off on once only or other our ours out over own same she should so some such than that the their " +
    "theirs them then there these they this those through to too under until up very was we were what when where which " +
    "while who whom why will with would you your yours really much get got one thing things 的 了 是 我 你 他 她 在 和 也 很 都 就 不 有"
  ).split(" "),
);

/** Latin-script words of two letters or more, and runs of Han characters. */
const TOKEN = /[\p{Script=Han}]+|[\p{L}\p{N}][\p{L}\p{N}'’-]*[\p{L}\p{N}]/gu;
const HAN = /^\p{Script=Han}+$/u;

/** A Han run as its overlapping two-character words (Chinese has no spaces between words). */
function hanWords(run: string): string[] {
  const chars = [...run];
  if (chars.length <= 2) return [run];
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1]);
}

/**
 * The most mentioned words of free-text feedback: lower-cased, stop words and numbers left out,
 * each word counted once per text (so one long rant does not dominate), most mentioned first,
 * ties alphabetical. For the feedback part of a portrait.
 */
export function topKeywords(texts: readonly string[], max = 20): Count[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const token of text.normalize("NFKC").toLowerCase().replaceAll("’", "'").match(TOKEN) ?? []) {
      for (const word of HAN.test(token) ? hanWords(token) : [token]) {
        if (STOP_WORDS.has(word) || /^[\d.,'-]+$/.test(word) || seen.has(word)) continue;
        seen.add(word);
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, max);
}
