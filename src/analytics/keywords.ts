/** Words too common to say anything about a text, in the languages surveys are written in most. */
const STOP_WORDS = new Set(
  [
    // English
    "a about after again all also am an and any are as at be because been before being but by can could did do does doing done for from get got had has have having he her here him his how i if in into is it its just me more most my no not now of off on once only or other our out over own really same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who why will with would you your",
    "i'm it's don't didn't can't won't isn't wasn't",
    // Chinese
    "的 了 是 在 我 有 和 就 不 人 都 一 一个 上 也 很 到 说 要 去 你 会 着 没有 看 好 自己 这 那 他 她 它 们 我们 你们 他们 吗 呢 吧 啊 呀 哦 还 把 被 给 让 比 从 对 为 与 及 而 或 但 但是 因为 所以 如果 就是 这个 那个 什么 怎么 非常 太 得 地 过 又",
    // Spanish, French, German: the commonest
    "el la los las de del y en que un una es por con para se lo le les des du et est pour pas une dans qui ne der die das und ist nicht ein eine zu mit den",
  ].flatMap((line) => line.split(/\s+/)),
);

const NUMERIC = /^[\p{N}.,]+$/u;

export type Keyword = { term: string; count: number };

/**
 * The most frequent words of free-text answers, for portraits and word clouds. Words are found
 * by Intl.Segmenter in each text's language, so Chinese and Japanese (written without spaces)
 * split into words too; they are lower-cased, and stop words, numbers and one-letter words of
 * alphabetic scripts are dropped. Each text counts a word once.
 */
export function keywords(texts: ReadonlyArray<{ text: string; language: string }>, limit = 30): Keyword[] {
  const counts = new Map<string, number>();
  const segmenters = new Map<string, Intl.Segmenter>();
  for (const { text, language } of texts) {
    let segmenter = segmenters.get(language);
    if (!segmenter) {
      segmenter = new Intl.Segmenter(safeLocale(language), { granularity: "word" });
      segmenters.set(language, segmenter);
    }
    const seen = new Set<string>();
    for (const part of segmenter.segment(text)) {
      if (!part.isWordLike) continue;
      const term = part.segment.toLocaleLowerCase(safeLocale(language));
      if (STOP_WORDS.has(term) || NUMERIC.test(term) || (term.length < 2 && /^\p{Script=Latin}|^\p{Script=Cyrillic}|^\p{Script=Greek}/u.test(term))) continue;
      seen.add(term);
    }
    for (const term of seen) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
    .slice(0, limit);
}

function safeLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? "en";
  } catch {
    return "en";
  }
}
