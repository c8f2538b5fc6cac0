import { describe, expect, it } from "vitest";
import { standardiseEmail } from "./email.ts";

const LONGEST = `${"a".repeat(64)}@${"b".repeat(61)}.${"c".repeat(60)}.${"d".repeat(60)}.co.uk`; // 254 characters

describe("standardiseEmail", () => {
  it.each([
    ["Ada.Lovelace@Example.COM", "ada.lovelace@example.com"],
    ["  ada@example.com\u00A0", "ada@example.com"],
    ["ada@exa\u200Bmple.com", "ada@example.com"],
    ["Ada <ADA@Example.COM>", "ada@example.com"],
    ['"Lovelace, Ada" <ada@example.com>', "ada@example.com"],
    ["<ada@example.com>", "ada@example.com"],
    ["mailto:Ada@Example.com", "ada@example.com"],
    ["MAILTO:ada@example.com?subject=Order%2042", "ada@example.com"],
    ["ＺＨＡＮＧ．ＷＥＩ＠ＱＱ．ＣＯＭ", "zhang.wei@qq.com"],
    ["zhangwei@163。com", "zhangwei@163.com"],
    ["o'brien+orders@mail.example.co.uk", "o'brien+orders@mail.example.co.uk"],
    [LONGEST, LONGEST],
  ])("standardises %j", (input, expected) => {
    expect(standardiseEmail(input)).toEqual({ ok: true, value: expected });
  });

  it.each([[""], ["  "], ["\u200B"]])("gives null for blank %j", (input) => {
    expect(standardiseEmail(input)).toEqual({ ok: true, value: null });
  });

  it.each([
    ["no at sign", "ada.example.com"],
    ["two at signs", "ada@@example.com"],
    ["two addresses", "ada@example.com; bob@example.com"],
    ["no dot in the domain", "ada@localhost"],
    ["a space inside", "ada lovelace@example.com"],
    ["a placeholder", "n/a"],
    ["longer than 254 characters", `${"a".repeat(64)}@${"b".repeat(62)}.${"c".repeat(60)}.${"d".repeat(60)}.co.uk`],
  ])("rejects %s", (_, input) => {
    expect(standardiseEmail(input)).toEqual({ ok: false, problem: "is not an email address" });
  });
});
