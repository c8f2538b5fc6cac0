import { describe, expect, it } from "vitest";
import type { CountryCode } from "libphonenumber-js/max";
import { standardisePhone } from "./phone.ts";

const NEEDS_COUNTRY = "needs a country code (or a default region in the tenant's settings)";
const NOT_VALID = "is not a valid phone number";

describe("standardisePhone", () => {
  it.each<[string, CountryCode | undefined, string]>([
    ["+86 138 0013 8000", undefined, "+8613800138000"],
    ["138-0013-8000", "CN", "+8613800138000"],
    ["１３８００１３８０００", "CN", "+8613800138000"],
    ["0086 13800138000", undefined, "+8613800138000"],
    ["0086 13800138000", "US", "+8613800138000"],
    ["(+86)138\u200B0013\u00A08000 ", undefined, "+8613800138000"],
    ["86 13800138000", "CN", "+8613800138000"],
    ["010-6552 9988", "CN", "+861065529988"],
    ["+86 10 6552 9988 转 123", undefined, "+861065529988"],
    ["(020) 7946 0958", "GB", "+442079460958"],
    ["+44 (0)20 7946 0958", undefined, "+442079460958"],
    ["+44 (0)20 7946 0958", "CN", "+442079460958"],
    ["tel:+44-20-7946-0958", undefined, "+442079460958"],
    ["+1 212-555-0100 ext. 12", undefined, "+12125550100"],
    ["+1 (212) 555-0100 x12", undefined, "+12125550100"],
  ])("standardises %j (region %s)", (input, region, expected) => {
    expect(standardisePhone(input, region)).toEqual({ ok: true, value: expected });
  });

  it.each([[""], ["  "], ["\u3000"]])("gives null for blank %j", (input) => {
    expect(standardisePhone(input, "CN")).toEqual({ ok: true, value: null });
  });

  it.each<[string, CountryCode | undefined, string]>([
    ["020 7946 0958", undefined, NEEDS_COUNTRY],
    ["138-0013-8000", undefined, NEEDS_COUNTRY],
    ["12345", "CN", NOT_VALID],
    ["12345", undefined, NOT_VALID],
    ["+86 12345678901", undefined, NOT_VALID],
    ["+86 1380013800", undefined, NOT_VALID],
    ["138 0013 8000", "GB", NOT_VALID],
    ["+1 555 555 0100", undefined, NOT_VALID],
    ["13800138000 / 13900139000", "CN", NOT_VALID],
    ["n/a", undefined, NOT_VALID],
    ["无", "CN", NOT_VALID],
  ])("rejects %j (region %s)", (input, region, message) => {
    expect(standardisePhone(input, region)).toEqual({ ok: false, problem: message });
  });
});
