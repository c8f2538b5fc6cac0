import { describe, expect, it } from "vitest";
import { countryName, standardiseCountry } from "./country.ts";

const NOT_A_COUNTRY = "is not a country (use an ISO 3166 code or an English or Chinese country name)";

describe("standardiseCountry", () => {
  it.each([
    ["gb", "GB"],
    [" cn\u00A0", "CN"],
    ["ＤＥ", "DE"],
    ["GBR", "GB"],
    ["chn", "CN"],
    ["United Kingdom", "GB"],
    ["united states", "US"],
    ["GERMANY ", "DE"],
    ["The Netherlands", "NL"],
    ["Côte d’Ivoire", "CI"],
    ["cote d'ivoire", "CI"],
    ["Curacao", "CW"],
    ["People's Republic of China", "CN"],
    ["中国", "CN"],
    ["英国", "GB"],
    ["美国", "US"],
    ["德国", "DE"],
    ["法国", "FR"],
    ["日本", "JP"],
    ["香港", "HK"],
    ["中华人民共和国", "CN"],
    ["台湾", "TW"],
    ["UK", "GB"],
    ["Great Britain", "GB"],
    ["England", "GB"],
    ["scotland", "GB"],
    ["Wales", "GB"],
    ["Northern Ireland", "GB"],
    ["EIRE", "IE"],
    ["RSA", "ZA"],
    ["USA", "US"],
    ["U.S.A.", "US"],
    ["United States of America", "US"],
    ["Czech Republic", "CZ"],
    ["Korea", "KR"],
    ["South Korea", "KR"],
    ["North Korea", "KP"],
  ])("standardises %j to %s", (input, expected) => {
    expect(standardiseCountry(input)).toEqual({ ok: true, value: expected });
  });

  it.each([[""], [" "], ["\u200B"]])("gives null for blank %j", (input) => {
    expect(standardiseCountry(input)).toEqual({ ok: true, value: null });
  });

  it.each([
    ["European Community"],
    ["Channel Islands"],
    ["Unspecified"],
    ["Europe"],
    ["EU"],
    ["XX"],
    ["Congo"], // two countries share the name
    ["亚洲"],
    ["Londn"],
  ])("rejects %j", (input) => {
    expect(standardiseCountry(input)).toEqual({ ok: false, problem: NOT_A_COUNTRY });
  });
});

describe("countryName", () => {
  it("names a country in English or Chinese", () => {
    expect(countryName("GB", "en")).toBe("United Kingdom");
    expect(countryName("de", "zh")).toBe("德国");
    expect(countryName("CN", "zh")).toBe("中国");
  });

  it("gives undefined for an unknown code", () => {
    expect(countryName("XX", "en")).toBeUndefined();
  });
});
