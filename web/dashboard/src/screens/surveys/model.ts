import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";

export const fetchSurvey = (surveyId: string) => unwrap(api.v1.surveys[":surveyId"].$get({ param: { surveyId } }));

export type SurveyWithVersions = Awaited<ReturnType<typeof fetchSurvey>>;
export type Definition = SurveyWithVersions["draft"];
export type Question = Definition["questions"][number];
export type QuestionType = Question["type"];
export type Showing = Definition["showing"];
export type Theme = Definition["theme"];
export type Text = Record<string, string>;
export type SurveyStatus = SurveyWithVersions["status"];

/** The question types of the definition schema, in the order the builder offers them. */
export const QUESTION_TYPES = ["nps", "csat", "ces", "rating", "single", "multiple", "text"] as const satisfies readonly QuestionType[];
export const TRIGGERS = ["load", "delay", "scroll", "exit", "url", "event"] as const satisfies readonly Showing["trigger"][];
export const POSITIONS = ["bottom-right", "bottom-left", "center"] as const satisfies readonly Theme["position"][];
export const SCALE_DISPLAYS = ["number", "star", "emoji"] as const;
/** WCAG AA for normal text, as the API holds text on background to. */
export const MIN_CONTRAST = 4.5;

const SCORED: Partial<Record<QuestionType, [number, number]>> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

/** The score range of a scored question, or null for choices and text (as the API decides it). */
export function scoreRange(question: Question): [number, number] | null {
  if (question.type === "rating") return [1, question.scale?.points ?? 5];
  return SCORED[question.type] ?? null;
}

export const isChoice = (type: QuestionType) => type === "single" || type === "multiple";

/** A question id not yet taken: the type's name, then with a number. */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new question of a type, with the parts that type needs (a scale, two options). */
export function newQuestion(type: QuestionType, taken: string[], text: Text, optionLabel: (n: number) => Text): Question {
  const question: Question = { id: freshId(type, taken), type, text, required: false };
  if (type === "rating") question.scale = { points: 5, display: "star" };
  if (isChoice(type)) question.options = [1, 2].map((n) => ({ id: `option-${n}`, label: optionLabel(n) }));
  return question;
}

/** A question changed to another type: the parts the new type cannot have are dropped. */
export function changeType(question: Question, type: QuestionType, optionLabel: (n: number) => Text): Question {
  const { scale, options, allowOther, ...rest } = question;
  const next: Question = { ...rest, type };
  if (type === "rating") next.scale = scale ?? { points: 5, display: "star" };
  if (isChoice(type)) {
    next.options = options ?? [1, 2].map((n) => ({ id: `option-${n}`, label: optionLabel(n) }));
    if (allowOther !== undefined) next.allowOther = allowOther;
  }
  return next;
}

/** A text with one language set, or that language removed when the value is empty (the API refuses empty texts). */
export function setText(text: Text, language: string, value: string): Text {
  const next = { ...text };
  if (value === "") delete next[language];
  else next[language] = value;
  return next;
}

/** Every translatable text of a definition, for counting what each language still lacks. */
export function allTexts(definition: Definition): Text[] {
  return [definition.title, ...definition.questions.flatMap((question) => [question.text, ...(question.options ?? []).map((option) => option.label)])];
}

export function missingCount(definition: Definition, language: string): number {
  return allTexts(definition).filter((text) => !text[language]).length;
}

/** The definition with one language's texts removed everywhere, so none names a language the survey no longer has. */
export function withoutLanguage(definition: Definition, language: string): Definition {
  const drop = (text: Text) => setText(text, language, "");
  return {
    ...definition,
    languages: definition.languages.filter((tag) => tag !== language),
    title: drop(definition.title),
    questions: definition.questions.map((question) => ({
      ...question,
      text: drop(question.text),
      ...(question.options && { options: question.options.map((option) => ({ ...option, label: drop(option.label) })) }),
    })),
  };
}

/** A language tag in its canonical form, or null when it is not one. */
export function canonicalLanguage(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    return canonical ?? null;
  } catch {
    return null;
  }
}

/** A language's name in the interface language ("Chinese (China)", "中文（中国）"). */
export function languageName(tag: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
