import type { SurveyDefinition } from "./definition.ts";

const RTL_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi"]);

const base = (language: string) => language.split("-")[0]!.toLowerCase();

/**
 * The survey language to show for a requested one: the exact tag, then a language with the
 * same base (zh-TW asks, zh-CN is there), then the survey's default.
 */
export function chooseLanguage(definition: SurveyDefinition, requested: string | undefined): string {
  if (!requested) return definition.defaultLanguage;
  const lower = requested.toLowerCase();
  const exact = definition.languages.find((language) => language.toLowerCase() === lower);
  if (exact) return exact;
  const wanted = base(requested);
  return definition.languages.find((language) => language.toLowerCase() === wanted) ?? definition.languages.find((language) => base(language) === wanted) ?? definition.defaultLanguage;
}

/** A text in the chosen language, falling back to its base language's and then the default's. */
export function resolveText(text: Record<string, string>, language: string, defaultLanguage: string): string {
  return text[language] ?? Object.entries(text).find(([tag]) => base(tag) === base(language))?.[1] ?? text[defaultLanguage] ?? "";
}

export function directionOf(language: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(base(language)) ? "rtl" : "ltr";
}

/** The survey as the widget renders it: one language, plain strings. */
export type WidgetSurvey = ReturnType<typeof localiseSurvey>;

export function localiseSurvey(surveyId: string, version: number, definition: SurveyDefinition, requested: string | undefined) {
  const language = chooseLanguage(definition, requested);
  const text = (value: Record<string, string>) => resolveText(value, language, definition.defaultLanguage);
  return {
    id: surveyId,
    version,
    language,
    dir: directionOf(language),
    title: text(definition.title),
    questions: definition.questions.map((question) => ({
      id: question.id,
      type: question.type,
      text: text(question.text),
      required: question.required,
      ...(question.scale && { scale: question.scale }),
      ...(question.options && { options: question.options.map((option) => ({ id: option.id, label: text(option.label) })) }),
      ...(question.allowOther !== undefined && { allowOther: question.allowOther }),
      ...(question.showIf && { showIf: question.showIf }),
    })),
    showing: definition.showing,
    theme: definition.theme,
  };
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${escaped}$`);
}

/**
 * Whether a URL-triggered survey applies to a page: its `urlPattern` (`*` matches anything) is
 * matched against the whole URL and against its path. Other triggers apply on every page.
 */
export function matchesPage(definition: SurveyDefinition, pageUrl: string | undefined): boolean {
  if (definition.showing.trigger !== "url" || !pageUrl || !definition.showing.urlPattern) return true;
  const pattern = globToRegExp(definition.showing.urlPattern);
  let path = pageUrl;
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    // Not an absolute URL: match it as it is.
  }
  return pattern.test(pageUrl) || pattern.test(path);
}
