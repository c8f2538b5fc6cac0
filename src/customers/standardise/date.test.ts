import { describe, expect, it } from "vitest";
import { standardiseDate, type DateOrder } from "./date.ts";

const NOT_REAL = "is not a real date";
const NOT_A_DATE = "is not a date (use YYYY-MM-DD)";

describe("standardiseDate", () => {
  it.each<[string, DateOrder, string]>([
    ["2024-03-05", "YMD", "2024-03-05"],
    ["2024/3/5", "YMD", "2024-03-05"],
    ["2024.03.05", "YMD", "2024-03-05"],
    ["2024年3月5日", "YMD", "2024-03-05"],
    ["2024 年 3 月 5 日", "YMD", "2024-03-05"],
    ["２０２４年３月５日", "YMD", "2024-03-05"],
    ["２０２４－０３－０５", "YMD", "2024-03-05"],
    [" 2024-03-05\u00A0", "YMD", "2024-03-05"],
    ["2024-03-05 00:00:00", "YMD", "2024-03-05"],
    ["2024/3/5", "DMY", "2024-03-05"],
    ["05/03/2024", "DMY", "2024-03-05"],
    ["5.3.2024", "DMY", "2024-03-05"],
    ["3/5/2024", "MDY", "2024-03-05"],
    ["12-31-1999", "MDY", "1999-12-31"],
    ["2024-02-29", "YMD", "2024-02-29"],
    ["2000-02-29", "YMD", "2000-02-29"],
  ])("standardises %j (%s)", (input, order, expected) => {
    expect(standardiseDate(input, order)).toEqual({ ok: true, value: expected });
  });

  it.each([[""], ["  "], ["\u200B"]])("gives null for blank %j", (input) => {
    expect(standardiseDate(input)).toEqual({ ok: true, value: null });
  });

  it.each<[string, DateOrder, string]>([
    ["2023-02-29", "YMD", NOT_REAL],
    ["1900-02-29", "YMD", NOT_REAL],
    ["2024-13-01", "YMD", NOT_REAL],
    ["2024-04-31", "YMD", NOT_REAL],
    ["2024年2月30日", "YMD", NOT_REAL],
    ["0000-00-00", "YMD", NOT_REAL],
    ["31/02/2024", "DMY", NOT_REAL],
    ["13/05/2024", "MDY", NOT_REAL],
    ["05/03/2024", "YMD", NOT_A_DATE],
    ["2024-03/05", "YMD", NOT_A_DATE],
    ["5/3/24", "DMY", NOT_A_DATE],
    ["2024-03-05 14:30", "YMD", NOT_A_DATE],
    ["March 5, 2024", "YMD", NOT_A_DATE],
    ["yesterday", "YMD", NOT_A_DATE],
  ])("rejects %j (%s)", (input, order, message) => {
    expect(standardiseDate(input, order)).toEqual({ ok: false, problem: message });
  });
});
