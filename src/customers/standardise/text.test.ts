import { describe, expect, it } from "vitest";
import { cleanText } from "./text.ts";

describe("cleanText", () => {
  it.each([
    ["full-width letters and digits", "ＡＢＣ１２３", "ABC123"],
    ["full-width punctuation", "Ｌｏｎｄｏｎ，ＵＫ（ＨＱ）", "London,UK(HQ)"],
    ["ideographic space", "张　伟", "张 伟"],
    ["trailing and non-breaking spaces", "\u00A0Ada\u00A0Lovelace  ", "Ada Lovelace"],
    ["zero-width space and BOM", "\uFEFFAda\u200B Love\u200Clace\u200D", "Ada Lovelace"],
    ["soft hyphen from a word processor", "Love\u00ADlace", "Lovelace"],
    ["tabs and line breaks from a pasted cell", "Acme\tGifts\r\nLtd", "Acme Gifts Ltd"],
    ["other control characters", "Acme\u0000\u0007 Gifts", "Acme Gifts"],
    ["Chinese text untouched", "北京市朝阳区", "北京市朝阳区"],
    ["accents kept", "  Zoë Brontë ", "Zoë Brontë"],
  ])("cleans %s", (_, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it.each([[""], ["   "], ["\u3000\u00A0"], ["\u200B\uFEFF"], ["\t\n"]])("gives null for blank %j", (input) => {
    expect(cleanText(input)).toBeNull();
  });
});
