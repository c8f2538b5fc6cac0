// "max" metadata (+20 KB gzip): the default "min" passes impossible Chinese mobiles (+86 12345678901).
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { ok, problem, type Standardised } from "./result.ts";
import { cleanText } from "./text.ts";

const NEEDS_COUNTRY = "needs a country code (or a default region in the tenant's settings)";
const NOT_VALID = "is not a valid phone number";
// Chinese data writes an extension as 转 ("transfer to") or 分机 ("extension").
const CHINESE_EXTENSION = /\s*(?:转|分机)\s*(?=\d)/g;
const MIN_DIGITS = 7; // fewer than this is not a subscriber number anywhere we sell

/**
 * Standardises a phone number to E.164 ("+8613800138000"), dropping any extension. National
 * numbers are read in `defaultRegion`; without one, only international numbers ("+44 …",
 * "0086 …") can be read. Blank gives `null`; numbers the region's numbering plan does not
 * allow are a problem.
 */
export function standardisePhone(value: string, defaultRegion?: CountryCode): Standardised<string | null> {
  const text = cleanText(value)?.replace(CHINESE_EXTENSION, " ext. ") ?? null;
  if (text === null) return ok(null);
  // "00" is the international prefix in most of the world, including China and Europe.
  const number =
    validNumber(text, defaultRegion) ?? (text.startsWith("00") ? validNumber(`+${text.slice(2)}`) : undefined);
  if (number !== undefined) return ok(number);
  const digits = text.replace(/\D/g, "").length;
  const international = text.includes("+") || text.startsWith("00");
  return problem(!defaultRegion && !international && digits >= MIN_DIGITS ? NEEDS_COUNTRY : NOT_VALID);
}

function validNumber(text: string, region?: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(text, region);
  return parsed?.isValid() ? parsed.number : undefined;
}
