import { z } from "@hono/zod-openapi";
import { contrastRatio } from "./contrast.ts";

export const QUESTION_TYPES = ["nps", "csat", "ces", "rating", "single", "multiple", "text"] as const;
export const TRIGGERS = ["load", "delay", "scroll", "exit", "url", "event"] as const;
export const POSITIONS = ["bottom-right", "bottom-left", "center"] as const;
/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

export const Language = z.string().min(2).max(35).refine(isLanguageTag, { error: "must be a BCP 47 language tag such as en or zh-CN" });
/** A text in any number of languages, keyed by language tag. */
export const Text = z.record(z.string().max(35), z.string().min(1).max(2000)).openapi("TranslatedText", { example: { en: "How likely are you to recommend us?", "zh-CN": "您有多大可能向朋友推荐我们？" } });
const Slug = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "must be 1-64 letters, digits, - or _" });
const Hex = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { error: "must be a hex colour such as #1a73e8" });
/** A value a skip rule compares with: an option id, or a score. */
const ShowIfValue = z.union([z.string().max(64), z.number().int()]);

export const Question = z
  .object({
    id: Slug,
    type: z.enum(QUESTION_TYPES),
    text: Text,
    required: z.boolean().default(false),
    scale: z.object({ points: z.number().int().min(3).max(10), display: z.enum(["number", "star", "emoji"]) }).strict().optional(),
    options: z.array(z.object({ id: Slug, label: Text }).strict()).min(1).max(50).optional(),
    allowOther: z.boolean().optional(),
    showIf: z.object({ questionId: Slug, anyOf: z.array(ShowIfValue).min(1).max(50) }).strict().optional(),
  })
  .strict()
  .openapi("SurveyQuestion");

export const Showing = z
  .object({
    trigger: z.enum(TRIGGERS),
    delaySeconds: z.number().int().min(0).max(3600).optional(),
    scrollPercent: z.number().int().min(0).max(100).optional(),
    urlPattern: z.string().min(1).max(500).optional(),
    eventName: z.string().min(1).max(100).optional(),
    samplingPercent: z.number().min(0).max(100).default(100),
    recontactDays: z.number().int().min(0).max(3650).nullable().default(null),
  })
  .strict()
  .openapi("SurveyShowing");

export const Theme = z
  .object({ primary: Hex, background: Hex, text: Hex, position: z.enum(POSITIONS).default("bottom-right") })
  .strict()
  .openapi("SurveyTheme");

const DefinitionShape = z
  .object({
    defaultLanguage: Language,
    languages: z.array(Language).min(1).max(50),
    title: Text,
    questions: z.array(Question).min(1).max(100),
    showing: Showing,
    theme: Theme,
  })
  .strict();

export type SurveyDefinition = z.infer<typeof DefinitionShape>;
export type SurveyQuestion = z.infer<typeof Question>;
type Issue = { path: (string | number)[]; message: string };

/** The integer scale of a scored question, or null for choices and text. */
export function scoreRange(question: SurveyQuestion): { min: number; max: number } | null {
  switch (question.type) {
    case "nps":
      return { min: 0, max: 10 };
    case "csat":
      return { min: 1, max: 5 };
    case "ces":
      return { min: 1, max: 7 };
    case "rating":
      return { min: 1, max: question.scale?.points ?? 5 };
    default:
      return null;
  }
}

function checkQuestion(question: SurveyQuestion, index: number, earlier: Map<string, SurveyQuestion>, issue: (path: (string | number)[], message: string) => void): void {
  const at = ["questions", index];
  const choice = question.type === "single" || question.type === "multiple";
  if (question.type === "rating" && !question.scale) issue([...at, "scale"], "a rating question needs a scale");
  if (question.type !== "rating" && question.scale) issue([...at, "scale"], "only rating questions have a scale");
  if (choice && !question.options) issue([...at, "options"], "a choice question needs options");
  if (!choice && (question.options || question.allowOther !== undefined)) issue([...at, "options"], "only choice questions have options");
  if (question.options) {
    const ids = question.options.map((option) => option.id);
    if (new Set(ids).size !== ids.length) issue([...at, "options"], "option ids must be unique");
  }
  if (!question.showIf) return;
  const target = earlier.get(question.showIf.questionId);
  if (!target) {
    issue([...at, "showIf", "questionId"], "must name an earlier question");
    return;
  }
  const range = scoreRange(target);
  const optionIds = new Set(target.options?.map((option) => option.id) ?? []);
  question.showIf.anyOf.forEach((value, i) => {
    const valid = range
      ? typeof value === "number" && value >= range.min && value <= range.max
      : target.type !== "text" && typeof value === "string" && optionIds.has(value);
    if (!valid) issue([...at, "showIf", "anyOf", i], `is not an answer question ${target.id} can have`);
  });
}

function checkTexts(definition: SurveyDefinition, issue: (path: (string | number)[], message: string) => void): void {
  const known = new Set(definition.languages);
  const check = (text: Record<string, string>, path: (string | number)[]) => {
    if (!text[definition.defaultLanguage]) issue(path, `needs a text in the default language ${definition.defaultLanguage}`);
    for (const language of Object.keys(text)) if (!known.has(language)) issue([...path, language], "is not one of the survey's languages");
  };
  check(definition.title, ["title"]);
  definition.questions.forEach((question, i) => {
    check(question.text, ["questions", i, "text"]);
    question.options?.forEach((option, j) => check(option.label, ["questions", i, "options", j, "label"]));
  });
}

/** Every rule a definition must meet beyond its shape; an empty list when it meets them all. */
export function definitionIssues(definition: SurveyDefinition): Issue[] {
  const issues: Issue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path, message });
  if (!definition.languages.includes(definition.defaultLanguage)) issue(["defaultLanguage"], "must be one of languages");
  if (new Set(definition.languages).size !== definition.languages.length) issue(["languages"], "must not repeat a language");
  const earlier = new Map<string, SurveyQuestion>();
  definition.questions.forEach((question, index) => {
    if (earlier.has(question.id)) issue(["questions", index, "id"], `repeats the question id ${question.id}`);
    checkQuestion(question, index, earlier, issue);
    earlier.set(question.id, question);
  });
  checkTexts(definition, issue);
  const { trigger } = definition.showing;
  if (trigger === "delay" && definition.showing.delaySeconds === undefined) issue(["showing", "delaySeconds"], "is required for the delay trigger");
  if (trigger === "scroll" && definition.showing.scrollPercent === undefined) issue(["showing", "scrollPercent"], "is required for the scroll trigger");
  if (trigger === "url" && !definition.showing.urlPattern) issue(["showing", "urlPattern"], "is required for the url trigger");
  if (trigger === "event" && !definition.showing.eventName) issue(["showing", "eventName"], "is required for the event trigger");
  const ratio = contrastRatio(definition.theme.text, definition.theme.background);
  if (ratio < MIN_CONTRAST) issue(["theme", "text"], `contrast with the background is ${ratio.toFixed(2)}:1; WCAG AA needs ${MIN_CONTRAST}:1`);
  return issues;
}

/** A survey definition: languages, translated texts, questions with skip logic, showing rules and theme. */
export const SurveyDefinitionSchema = DefinitionShape.superRefine((definition, ctx) => {
  for (const found of definitionIssues(definition)) ctx.addIssue({ code: "custom", path: found.path, message: found.message });
}).openapi("SurveyDefinition");
