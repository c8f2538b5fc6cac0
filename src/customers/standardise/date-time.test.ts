import { describe, expect, it } from "vitest";
import { standardiseDateTime, type DateTimeOptions } from "./date-time.ts";

const NOT_REAL = "is not a real date";
const NOT_A_DATE_TIME = "is not a date and time (use ISO 8601, e.g. 2024-03-05T14:30:00Z)";

describe("standardiseDateTime", () => {
  it.each<[string, DateTimeOptions, string]>([
    ["2010-12-01T08:26:00Z", {}, "2010-12-01T08:26:00.000Z"],
    ["2010-12-01T16:26:00+08:00", { timeZone: "Europe/London" }, "2010-12-01T08:26:00.000Z"],
    ["2010-12-01T03:26:00.5-0500", {}, "2010-12-01T08:26:00.500Z"],
    ["2010-12-01 16:26 +08", {}, "2010-12-01T08:26:00.000Z"],
    ["12/1/2010 8:26", { order: "MDY" }, "2010-12-01T08:26:00.000Z"],
    ["12/1/2010 8:26 PM", { order: "MDY" }, "2010-12-01T20:26:00.000Z"],
    ["12/1/2010 12:05 am", { order: "MDY" }, "2010-12-01T00:05:00.000Z"],
    ["2010-12-01 08:26:00", {}, "2010-12-01T08:26:00.000Z"],
    ["２０１０年１２月１日 ８：２６", {}, "2010-12-01T08:26:00.000Z"],
    ["2010-12-01", { timeZone: "Asia/Shanghai" }, "2010-11-30T16:00:00.000Z"],
    // Europe/London is GMT in winter and BST (UTC+1) in summer.
    ["2024-01-15 09:00", { timeZone: "Europe/London" }, "2024-01-15T09:00:00.000Z"],
    ["15/07/2024 09:00", { order: "DMY", timeZone: "Europe/London" }, "2024-07-15T08:00:00.000Z"],
    ["2024-03-31 00:30", { timeZone: "Europe/London" }, "2024-03-31T00:30:00.000Z"],
    ["2024-03-31 02:30", { timeZone: "Europe/London" }, "2024-03-31T01:30:00.000Z"],
    ["2024-10-27 02:30", { timeZone: "Europe/London" }, "2024-10-27T02:30:00.000Z"],
    ["2024-07-15 09:00", { timeZone: "Asia/Shanghai" }, "2024-07-15T01:00:00.000Z"],
    ["2024-01-01 00:00", { timeZone: "Asia/Shanghai" }, "2023-12-31T16:00:00.000Z"],
    ["2024-07-15 09:00", { timeZone: "America/New_York" }, "2024-07-15T13:00:00.000Z"],
  ])("standardises %j %j", (input, options, expected) => {
    expect(standardiseDateTime(input, options)).toEqual({ ok: true, value: expected });
  });

  it.each([[""], ["\u00A0"]])("gives null for blank %j", (input) => {
    expect(standardiseDateTime(input)).toEqual({ ok: true, value: null });
  });

  it.each<[string, DateTimeOptions, string]>([
    ["2023-02-29 10:00", {}, NOT_REAL],
    ["2024-03-05 24:00", {}, NOT_REAL],
    ["2024-03-05 10:60", {}, NOT_REAL],
    ["12/1/2010 13:05 PM", { order: "MDY" }, NOT_REAL],
    ["12/1/2010 8:26", {}, NOT_A_DATE_TIME],
    ["2024-03-05 at noon", {}, NOT_A_DATE_TIME],
    ["1291192000", {}, NOT_A_DATE_TIME],
  ])("rejects %j %j", (input, options, message) => {
    expect(standardiseDateTime(input, options)).toEqual({ ok: false, problem: message });
  });

  it("throws for an unknown time zone, a settings error rather than a bad value", () => {
    expect(() => standardiseDateTime("2024-03-05 10:00", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});
