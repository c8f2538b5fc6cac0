import { describe, expect, it } from "vitest";
import { standardiseBoolean } from "./boolean.ts";

describe("standardiseBoolean", () => {
  it.each([
    ["true", true],
    ["TRUE", true],
    ["Yes", true],
    ["y", true],
    ["1", true],
    ["１", true],
    ["是", true],
    ["同意 ", true],
    ["False", false],
    ["NO", false],
    ["n", false],
    ["0", false],
    ["否", false],
    ["不同意", false],
  ])("standardises %j to %s", (input, expected) => {
    expect(standardiseBoolean(input)).toEqual({ ok: true, value: expected });
  });

  it.each([[""], ["\u00A0\u200B"]])("gives null for blank %j", (input) => {
    expect(standardiseBoolean(input)).toEqual({ ok: true, value: null });
  });

  it.each([["maybe"], ["2"], ["yes please"], ["toString"], ["不"]])("rejects %j", (input) => {
    expect(standardiseBoolean(input)).toEqual({ ok: false, problem: "is not yes or no" });
  });
});
