const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export function isCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/** Digits after the decimal point of a currency's minor unit: 2 for GBP, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  // Building a NumberFormat costs more than reading a whole import row, so each answer is kept.
  let digits = MINOR_DIGITS.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    MINOR_DIGITS.set(currency, digits);
  }
  return digits;
}
const MINOR_DIGITS = new Map<string, number>();

/** A decimal amount as exact integer minor units, or undefined when it has more decimals than the currency. */
export function toMinor(text: string, currency: string): number | undefined {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  const digits = minorDigits(currency);
  if (!match || (match[3]?.length ?? 0) > digits) return undefined;
  const minor = Number(match[2]) * 10 ** digits + Number((match[3] ?? "").padEnd(digits, "0") || 0);
  return match[1] ? -minor : minor;
}

/** An amount in minor units as people read it: `formatMinor(1234, "GBP")` is "£12.34". */
export function formatMinor(amountMinor: number, currency: string, locale = "en-GB"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amountMinor / 10 ** minorDigits(currency));
}
