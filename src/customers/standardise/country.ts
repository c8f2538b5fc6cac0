import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import zh from "i18n-iso-countries/langs/zh.json" with { type: "json" };
import { ok, problem, type Standardised } from "./result.ts";
import { cleanText } from "./text.ts";

// A CommonJS package: Node's ES module loader sees only its default export.
const { alpha3ToAlpha2, getName, getNames, isValid, registerLocale } = countries;

registerLocale(en);
registerLocale(zh);

// Names seen in real customer data that the ISO lists leave out or give to another country.
const ALIASES: Record<string, string> = {
  "uk": "GB",
  "great britain": "GB",
  "england": "GB",
  "scotland": "GB",
  "wales": "GB",
  "northern ireland": "GB",
  "eire": "IE",
  "republic of ireland": "IE",
  "rsa": "ZA",
  "usa": "US",
  "united states of america": "US",
  "czech republic": "CZ",
  "korea": "KR",
  "south korea": "KR",
  "holland": "NL",
  "中华人民共和国": "CN",
  "中国大陆": "CN",
  "台湾": "TW",
  "中国台湾": "TW",
  "中国香港": "HK",
  "中国澳门": "MO",
};

const NOT_A_COUNTRY = "is not a country (use an ISO 3166 code or an English or Chinese country name)";
const byName = indexNames();

/**
 * Standardises a country to its ISO 3166-1 alpha-2 code ("GB"). Accepts alpha-2 and alpha-3
 * codes, English and Simplified Chinese names and common aliases ("UK", "U.S.A.", "中华人民共和国"),
 * ignoring case, accents and punctuation. Names shared by two countries ("Congo") and regions
 * ("Europe") are a problem rather than a guess. Blank gives `null`.
 */
export function standardiseCountry(value: string): Standardised<string | null> {
  const text = cleanText(value);
  if (text === null) return ok(null);
  const code = /^[a-z]{2,3}$/i.test(text) ? fromCode(text.toUpperCase()) : undefined;
  const found = code ?? byName.get(nameKey(text));
  return found ? ok(found) : problem(NOT_A_COUNTRY);
}

/** The country's name for display, in English or Simplified Chinese; `undefined` for an unknown code. */
export function countryName(code: string, locale: "en" | "zh"): string | undefined {
  return getName(code.toUpperCase(), locale);
}

function fromCode(code: string): string | undefined {
  if (!isValid(code)) return undefined;
  return code.length === 2 ? code : alpha3ToAlpha2(code);
}

// Lower-case, without accents, "the" or punctuation, so "the Côte d'Ivoire" meets "Cote dIvoire".
function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.'’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

// A name two countries share maps to null, so it is reported instead of guessed.
function indexNames(): Map<string, string | null> {
  const index = new Map<string, string | null>();
  for (const locale of ["en", "zh"]) {
    for (const [code, names] of Object.entries(getNames(locale, { select: "all" }))) {
      for (const key of names.map(nameKey)) {
        index.set(key, index.has(key) && index.get(key) !== code ? null : code);
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) index.set(nameKey(alias), code);
  return index;
}
