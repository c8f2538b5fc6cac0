// Soft hyphen, zero-width space/joiners, word joiner and BOM arrive invisibly from copy-paste;
// other control characters are noise, except the whitespace ones, which become spaces below.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]|(?![\t\n\v\f\r])\p{Cc}/gu;

/**
 * Cleans free text for storage and comparison: NFKC-normalises it (so full-width letters, digits,
 * punctuation and the ideographic space become their ASCII forms, and a non-breaking space a
 * plain one), removes invisible and control characters, trims, and collapses whitespace runs to
 * one space. Returns `null` when nothing is left.
 */
export function cleanText(value: string): string | null {
  const text = value.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  return text === "" ? null : text;
}
