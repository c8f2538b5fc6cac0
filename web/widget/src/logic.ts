import type { Answer, Answers, Question, Showing } from "./types.ts";

const DAY = 86_400_000;

/** The points a scale question offers, lowest first. */
export function scalePoints(question: Question): number[] {
  const [low, high] =
    question.type === "nps" ? [0, 10]
    : question.type === "csat" ? [1, 5]
    : question.type === "ces" ? [1, 7]
    : [1, question.scale?.points ?? 5];
  return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}

export const isScale = (question: Question) => !["single", "multiple", "text"].includes(question.type);

/** The plain values an answer stands for, for skip logic: a number, a text, or chosen option ids. */
function valuesOf(answer: Answer | undefined): unknown[] {
  if (answer === undefined) return [];
  if (typeof answer !== "object") return [answer];
  if ("choices" in answer) return answer.choices;
  if ("choice" in answer) return [answer.choice];
  return [];
}

/** Whether a question's skip rule lets it show, given the answers so far. */
export function isVisible(question: Question, answers: Answers): boolean {
  const rule = question.showIf;
  return !rule || valuesOf(answers[rule.questionId]).some((value) => rule.anyOf.includes(value));
}

/** The index of the next question to show after `from`, or -1 when none is left. */
export function nextIndex(questions: Question[], answers: Answers, from: number): number {
  for (let i = from + 1; i < questions.length; i++) if (isVisible(questions[i]!, answers)) return i;
  return -1;
}

/** Answers to questions the skip logic has since hidden are not sent. */
export function visibleAnswers(questions: Question[], answers: Answers): Answers {
  const kept: Answers = {};
  for (const question of questions) {
    const answer = answers[question.id];
    if (answer !== undefined && isVisible(question, kept)) kept[question.id] = answer;
  }
  return kept;
}

/** `*` matches any run of characters; the pattern is matched against the whole URL. */
export function urlMatches(pattern: string, url: string): boolean {
  const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`).test(url);
}

export type Seen = Record<string, number>;

/**
 * A stable draw in [0, 1) for a visitor and a survey, so sampling picks the same visitors on every
 * page instead of everyone eventually (FNV-1a).
 */
export function sampleDraw(visitorId: string, surveyId: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${visitorId}:${surveyId}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Whether a survey may be offered now: not seen before (or, with a re-contact window, not within
 * it), not within the tenant's global window after any survey (when set), and inside the sampling
 * share.
 */
export function mayOffer(id: string, showing: Showing, seen: Seen, globalDays: number | null, now: number, draw: number): boolean {
  const last = seen[id];
  if (last !== undefined && (showing.recontactDays === null || now - last < showing.recontactDays * DAY)) return false;
  if (globalDays !== null && Object.values(seen).some((at) => now - at < globalDays * DAY)) return false;
  return draw * 100 < showing.samplingPercent;
}
