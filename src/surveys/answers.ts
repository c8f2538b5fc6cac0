import { z } from "@hono/zod-openapi";
import { scoreRange, type SurveyDefinition, type SurveyQuestion } from "./definition.ts";

export const MAX_TEXT_ANSWER = 2000;

export const SingleAnswer = z.union([z.object({ choice: z.string().max(64) }).strict(), z.object({ other: z.string().trim().min(1).max(MAX_TEXT_ANSWER) }).strict()]);
export const MultipleAnswer = z.object({ choices: z.array(z.string().max(64)).max(50), other: z.string().trim().min(1).max(MAX_TEXT_ANSWER).optional() }).strict();
/** Any answer's shape; the question's type decides which one it must be. */
export const Answer = z.union([z.number().int(), z.string().max(MAX_TEXT_ANSWER), SingleAnswer, MultipleAnswer]).openapi("SurveyAnswer", {
  description: "nps 0-10, csat 1-5, ces 1-7, rating 1..points (integers); single `{choice}` or `{other}`; multiple `{choices, other?}`; text: a string of at most 2000 characters.",
});

export type Answers = Record<string, unknown>;
type Issue = { path: string; message: string };

function answerProblem(question: SurveyQuestion, value: unknown): string | null {
  const range = scoreRange(question);
  if (range) {
    return typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max ? null : `must be an integer from ${range.min} to ${range.max}`;
  }
  const optionIds = new Set(question.options?.map((option) => option.id) ?? []);
  if (question.type === "text") return typeof value === "string" && value.trim().length > 0 && value.length <= MAX_TEXT_ANSWER ? null : `must be a text of 1 to ${MAX_TEXT_ANSWER} characters`;
  if (question.type === "single") {
    const parsed = SingleAnswer.safeParse(value);
    if (!parsed.success) return "must be {choice: optionId} or {other: text}";
    if ("choice" in parsed.data) return optionIds.has(parsed.data.choice) ? null : `${parsed.data.choice} is not an option of this question`;
    return question.allowOther ? null : "this question has no other option";
  }
  const parsed = MultipleAnswer.safeParse(value);
  if (!parsed.success) return "must be {choices: optionId[], other?: text}";
  const unknown = parsed.data.choices.find((choice) => !optionIds.has(choice));
  if (unknown !== undefined) return `${unknown} is not an option of this question`;
  if (new Set(parsed.data.choices).size !== parsed.data.choices.length) return "must not repeat a choice";
  if (parsed.data.other !== undefined && !question.allowOther) return "this question has no other option";
  if (parsed.data.choices.length === 0 && parsed.data.other === undefined) return "must choose at least one option";
  return null;
}

/** Whether a question is shown given the answers so far (its skip rule, if any, is met). */
export function isShown(question: SurveyQuestion, answers: Answers): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.questionId];
  if (given === undefined) return false;
  const values: unknown[] = typeof given === "object" && given !== null ? ("choice" in given ? [given.choice] : "choices" in given ? (given.choices as unknown[]) : []) : [given];
  return question.showIf.anyOf.some((wanted) => values.includes(wanted));
}

/**
 * Checks answers against the exact version answered: every answer names a question of it,
 * fits its type and range, and belongs to a question the skip rules show; when the response is
 * complete, every shown required question is answered. Returns the issues, empty when valid.
 */
export function answerIssues(definition: SurveyDefinition, answers: Answers, complete: boolean): Issue[] {
  const issues: Issue[] = [];
  const questions = new Map(definition.questions.map((question) => [question.id, question]));
  for (const [questionId, value] of Object.entries(answers)) {
    const question = questions.get(questionId);
    const path = `json.answers.${questionId}`;
    if (!question) {
      issues.push({ path, message: "is not a question of this survey version" });
      continue;
    }
    const problem = answerProblem(question, value);
    if (problem) issues.push({ path, message: problem });
    else if (!isShown(question, answers)) issues.push({ path, message: "answers a question its skip rule hides" });
  }
  if (complete) {
    for (const question of definition.questions) {
      if (question.required && isShown(question, answers) && answers[question.id] === undefined) {
        issues.push({ path: `json.answers.${question.id}`, message: "is required" });
      }
    }
  }
  return issues;
}

/**
 * Merges a save's answers into those stored: the save's win, and a stored answer whose question
 * the new answers now hide (the visitor changed an earlier answer) is dropped, so a partial save
 * never leaves an answer behind that the final one could not give.
 */
export function mergeAnswers(definition: SurveyDefinition, stored: Answers, incoming: Answers): Answers {
  const merged: Answers = { ...stored, ...incoming };
  const questions = new Map(definition.questions.map((question) => [question.id, question]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of Object.keys(merged)) {
      const question = questions.get(id);
      if (id in incoming || !question || isShown(question, merged)) continue;
      delete merged[id];
      changed = true;
    }
  }
  return merged;
}
