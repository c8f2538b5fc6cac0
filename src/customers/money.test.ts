import { describe, expect, it } from "vitest";
import { formatMinor, isCurrency, minorDigits } from "./money.ts";

describe("money in minor units", () => {
  it("knows each currency's minor unit", () => {
    expect([minorDigits("GBP"), minorDigits("JPY"), minorDigits("KWD"), minorDigits("CNY")]).toEqual([2, 0, 3, 2]);
  });

  it("formats without floating-point drift", () => {
    expect(formatMinor(1234, "GBP")).toBe("£12.34");
    expect(formatMinor(1999, "JPY", "en")).toBe("¥1,999");
    expect(formatMinor(10, "GBP")).toBe("£0.10");
  });

  it("recognises ISO 4217 codes only", () => {
    expect(isCurrency("EUR")).toBe(true);
    expect(isCurrency("eur")).toBe(false);
    expect(isCurrency("XYZ")).toBe(false);
  });
});
