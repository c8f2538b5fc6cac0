import { customerEffortScore, csatScore, netPromoterScore, type CesSummary, type CsatSummary, type NpsSummary } from "../analytics/nps.ts";
import { keywords, type Keyword } from "../analytics/keywords.ts";
import type { SurveyDefinition, SurveyQuestion } from "./definition.ts";

/** One completed response as results read it. */
export type ResultRow = { language: string; period: string; segment: string | null; answers: Record<string, unknown> };

export type Scores = { responses: number; nps: NpsSummary | null; csat: CsatSummary | null; ces: CesSummary | null };

export type QuestionResult = {
  id: string;
  type: SurveyQuestion["type"];
  text: string;
  answered: number;
  distribution: Array<{ value: string; count: number }>;
  other?: number;
  average?: number | null;
  nps?: NpsSummary;
  csat?: CsatSummary;
  ces?: CesSummary;
  keywords?: Keyword[];
};

export type SurveyResults = Scores & {
  questions: QuestionResult[];
  trend: Array<Scores & { period: string }>;
  byLanguage: Array<Scores & { language: string }>;
  bySegment: Array<Scores & { segment: string }>;
};

const numbers = (rows: ResultRow[], questionId: string | undefined) =>
  questionId ? rows.map((row) => row.answers[questionId]).filter((value): value is number => typeof value === "number") : [];

/**
 * Headline scores of a set of responses: NPS, CSAT (top-box, 4-5) and CES from the first
 * question of each kind; null where the survey has no such question.
 */
function scoresOf(rows: ResultRow[], headline: { nps?: string; csat?: string; ces?: string }): Scores {
  return {
    responses: rows.length,
    nps: headline.nps ? netPromoterScore(numbers(rows, headline.nps)) : null,
    csat: headline.csat ? csatScore(numbers(rows, headline.csat)) : null,
    ces: headline.ces ? customerEffortScore(numbers(rows, headline.ces)) : null,
  };
}

function choicesOf(value: unknown): { choices: string[]; other: boolean } {
  if (typeof value !== "object" || value === null) return { choices: [], other: false };
  const answer = value as { choice?: string; choices?: string[]; other?: string };
  return { choices: answer.choices ?? (answer.choice !== undefined ? [answer.choice] : []), other: answer.other !== undefined };
}

function questionResult(question: SurveyQuestion, rows: ResultRow[], defaultLanguage: string): QuestionResult {
  const given = rows.flatMap((row) => (row.answers[question.id] === undefined ? [] : [{ value: row.answers[question.id], language: row.language }]));
  const base = { id: question.id, type: question.type, text: question.text[defaultLanguage] ?? "", answered: given.length };
  const counts = new Map<string, number>();
  const add = (value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);
  if (question.type === "text") {
    return { ...base, distribution: [], keywords: keywords(given.map((g) => ({ text: String(g.value), language: g.language }))) };
  }
  if (question.type === "single" || question.type === "multiple") {
    let other = 0;
    for (const option of question.options ?? []) counts.set(option.id, 0);
    for (const { value } of given) {
      const parsed = choicesOf(value);
      parsed.choices.forEach(add);
      if (parsed.other) other++;
    }
    return { ...base, distribution: [...counts].map(([value, count]) => ({ value, count })), other };
  }
  const values = given.map((g) => g.value).filter((value): value is number => typeof value === "number");
  const range = question.type === "nps" ? [0, 10] : question.type === "csat" ? [1, 5] : question.type === "ces" ? [1, 7] : [1, question.scale?.points ?? 5];
  for (let v = range[0]!; v <= range[1]!; v++) counts.set(String(v), 0);
  values.forEach((value) => add(String(value)));
  const result: QuestionResult = {
    ...base,
    distribution: [...counts].map(([value, count]) => ({ value, count })),
    average: values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null,
  };
  if (question.type === "nps") result.nps = netPromoterScore(values);
  if (question.type === "csat") result.csat = csatScore(values);
  if (question.type === "ces") result.ces = customerEffortScore(values);
  return result;
}

function groupBy<K extends string>(rows: ResultRow[], key: (row: ResultRow) => K): Map<K, ResultRow[]> {
  const groups = new Map<K, ResultRow[]>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return groups;
}

/**
 * Results of a survey across all its versions and languages: questions are matched by their
 * stable ids, and each is described by the newest version that has it (`definitions`, newest first).
 */
export function summariseResults(definitions: SurveyDefinition[], rows: ResultRow[]): SurveyResults {
  const questions = new Map<string, { question: SurveyQuestion; defaultLanguage: string }>();
  for (const definition of definitions) {
    for (const question of definition.questions) if (!questions.has(question.id)) questions.set(question.id, { question, defaultLanguage: definition.defaultLanguage });
  }
  const firstOf = (type: string) => [...questions.values()].find((entry) => entry.question.type === type)?.question.id;
  const headline = { nps: firstOf("nps"), csat: firstOf("csat"), ces: firstOf("ces") };
  return {
    ...scoresOf(rows, headline),
    questions: [...questions.values()].map(({ question, defaultLanguage }) => questionResult(question, rows, defaultLanguage)),
    trend: [...groupBy(rows, (row) => row.period)].sort(([a], [b]) => a.localeCompare(b)).map(([period, group]) => ({ period, ...scoresOf(group, headline) })),
    byLanguage: [...groupBy(rows, (row) => row.language)].sort(([a], [b]) => a.localeCompare(b)).map(([language, group]) => ({ language, ...scoresOf(group, headline) })),
    bySegment: [...groupBy(rows, (row) => row.segment ?? "unscored")].sort(([a], [b]) => a.localeCompare(b)).map(([segment, group]) => ({ segment, ...scoresOf(group, headline) })),
  };
}
