/** Locales offered for formatting; the tenant's current one is added if it is another. */
export const LOCALES = ["en-GB", "en-US", "en-AU", "en-CA", "zh-CN", "zh-TW", "zh-HK", "de-DE", "fr-FR", "es-ES", "ja-JP"];

export const timeZones = (): string[] => Intl.supportedValuesOf("timeZone");
export const currencies = (): string[] => Intl.supportedValuesOf("currency");

/** A name in the interface's language for a code, or the code when Intl has none. */
export function displayName(locale: string, type: "currency" | "language" | "region", code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A sample of what the locale and currency write, so the choice can be judged before saving. */
export function sample(locale: string, currency: string, timeZone: string): string {
  try {
    const money = new Intl.NumberFormat(locale, { style: "currency", currency }).format(1234567.891);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date());
    return `${money} · ${date}`;
  } catch {
    return "";
  }
}
