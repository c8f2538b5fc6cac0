export type QuestionType = "nps" | "csat" | "ces" | "rating" | "single" | "multiple" | "text";

export type Option = { id: string; label: string };

export type Question = {
  id: string;
  type: QuestionType;
  text: string;
  required: boolean;
  scale?: { points: number; display: "number" | "star" | "emoji" };
  options?: Option[];
  allowOther?: boolean;
  showIf?: { questionId: string; anyOf: unknown[] };
};

export type Trigger = "load" | "delay" | "scroll" | "exit" | "url" | "event";

export type Showing = {
  trigger: Trigger;
  delaySeconds?: number;
  scrollPercent?: number;
  urlPattern?: string;
  eventName?: string;
  samplingPercent: number;
  recontactDays: number | null;
};

export type Theme = {
  primary: string;
  background: string;
  text: string;
  position: "bottom-right" | "bottom-left" | "center";
};

/** A published survey as the widget endpoints serve it: texts already in one language. */
export type Survey = {
  id: string;
  version: number;
  language: string;
  dir: "ltr" | "rtl";
  title: string;
  questions: Question[];
  showing: Showing;
  theme: Theme;
};

export type Answer = number | string | { choice: string } | { other: string } | { choices: string[]; other?: string };

export type Answers = Record<string, Answer>;

export type Identity = { externalId?: string; email?: string; signature: string };
