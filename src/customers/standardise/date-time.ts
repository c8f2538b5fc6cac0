import { NOT_A_REAL_DATE, readDate, type DateOrder } from "./date.ts";
import { ok, problem, type Standardised } from "./result.ts";
import { cleanText } from "./text.ts";
import { wallClockToUtc } from "./time-zone.ts";

export type DateTimeOptions = { order?: DateOrder; timeZone?: string };

const NOT_A_DATE_TIME = "is not a date and time (use ISO 8601, e.g. 2024-03-05T14:30:00Z)";
// date, then optionally: time with seconds and fraction, am/pm, and a UTC offset
const DATE_TIME =
  /^(.+?)(?:(?:T| )(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)? ?([ap]\.?m\.?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Standardises a moment (an order time, a survey answer time) to an ISO 8601 UTC instant
 * ("2010-12-01T08:26:00.000Z"). A value with "Z" or an offset is exact; a value without one
 * ("12/1/2010 8:26", "2010-12-01 08:26:00") is read as wall-clock time in `timeZone` (IANA,
 * default "UTC"), and a bare date as its midnight. The date part follows `standardiseDate`'s rules
 * and `order`. Blank gives `null`. Throws a RangeError for an unknown time zone, which is a
 * settings error rather than a bad value.
 */
export function standardiseDateTime(value: string, options: DateTimeOptions = {}): Standardised<string | null> {
  const text = cleanText(value);
  if (text === null) return ok(null);
  const match = DATE_TIME.exec(text);
  if (!match) return problem(NOT_A_DATE_TIME);
  const [, datePart, h = "0", mi = "0", s = "0", fraction = "", meridiem, offset] = match;
  const date = readDate(datePart!, options.order ?? "YMD");
  if (date === "unreadable") return problem(NOT_A_DATE_TIME);
  const hour = toHour(Number(h), meridiem);
  if (date === "impossible" || hour === undefined || Number(mi) > 59 || Number(s) > 59) {
    return problem(NOT_A_REAL_DATE);
  }
  const ms = Number(fraction.slice(0, 3).padEnd(3, "0"));
  const wallClock = Date.UTC(date.year, date.month - 1, date.day, hour, Number(mi), Number(s), ms);
  const instant =
    offset === undefined ? wallClockToUtc(wallClock, options.timeZone ?? "UTC") : wallClock - offsetMs(offset);
  return ok(new Date(instant).toISOString());
}

function toHour(hour: number, meridiem: string | undefined): number | undefined {
  if (meridiem === undefined) return hour <= 23 ? hour : undefined;
  if (hour < 1 || hour > 12) return undefined;
  return (hour % 12) + (meridiem.toLowerCase().startsWith("p") ? 12 : 0);
}

function offsetMs(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const [, sign, hours, minutes = "0"] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)!;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}
