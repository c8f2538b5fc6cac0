import { describe, expect, it } from "vitest";
import { standardiseGender } from "./gender.ts";

describe("standardiseGender", () => {
  it.each([
    ["F", "female"],
    ["female", "female"],
    [" Woman\u00A0", "female"],
    ["女", "female"],
    ["女性", "female"],
    ["女士", "female"],
    ["m", "male"],
    ["MALE", "male"],
    ["Man", "male"],
    ["男", "male"],
    ["男性 ", "male"],
    ["先生", "male"],
    ["Other", "other"],
    ["non-binary", "other"],
    ["Non-Binary", "other"],
    ["其他", "other"],
    ["Ｆ", "female"],
  ])("standardises %j to %s", (input, expected) => {
    expect(standardiseGender(input)).toEqual({ ok: true, value: expected });
  });

  it.each([[""], ["\u200B "]])("gives null for blank %j", (input) => {
    expect(standardiseGender(input)).toEqual({ ok: true, value: null });
  });

  it.each([["x"], ["unknown"], ["男/女"], ["1"], ["constructor"]])("rejects %j", (input) => {
    expect(standardiseGender(input)).toEqual({ ok: false, problem: "is not a gender (use female, male or other)" });
  });
});
