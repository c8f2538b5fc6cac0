import type { Messages } from "./messages/en/index.ts";

export type Language = "en" | "zh-CN";
export const LANGUAGES: Language[] = ["en", "zh-CN"];

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A dotted path to one string, e.g. "auth.logIn.title": a key that does not exist fails to compile. */
export type MessageKey = Leaves<Messages>;

export type Vars = Record<string, string | number>;

/** The string at that path with `{name}` placeholders filled; the path itself when it is missing. */
export function translate(messages: Messages, key: MessageKey, vars?: Vars): string {
  let node: unknown = messages;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") return key;
  return vars ? node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : node;
}

/** The language a visitor's browser asks for, among those the dashboard speaks. */
export function browserLanguage(): Language {
  const asked = navigator.languages?.length ? navigator.languages : [navigator.language];
  return asked.some((tag) => tag.toLowerCase().startsWith("zh")) && !asked[0]?.toLowerCase().startsWith("en") ? "zh-CN" : "en";
}
