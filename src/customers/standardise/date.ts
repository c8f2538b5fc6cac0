import { ok, problem, type Standardised } from "./result.ts";
import { cleanText } from "./text.ts";

/** Which way round a date with the year last is written: 05/03/2024 is 5 March in DMY, 3 May in MDY. */
export type DateOrder = "YMD" | "DMY" | "MDY";
export type CalendarDate = { year: number; month: number; day: number };

export const NOT_A_REAL_DATE = "is not a real date";
const NOT_A_DATE = "is not a date (use YYYY-MM-DD)";

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YEAR_FIRST_CHINESE = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号]?$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
// Spreadsheets export a date column as date-times at midnight.
const MIDNIGHT = /[T ]00:00(?::00(?:\.0+)?)?$/;

/**
 * Standardises a calendar date (a birthday, a first-purchase date) to `YYYY-MM-DD`. A year
 * written first is always read year-month-day ("2024/3/5", "2024年3月5日"); a year written last
 * ("05/03/2024") is read in `order`, and is a problem under the default "YMD" since it cannot be
 * read safely. Dates that do not exist (2023-02-29) are a problem. Blank gives `null`.
 */
export function standardiseDate(value: string, order: DateOrder = "YMD"): Standardised<string | null> {
  const text = cleanText(value);
  if (text === null) return ok(null);
  const date = readDate(text.replace(MIDNIGHT, ""), order);
  if (date === "unreadable") return problem(NOT_A_DATE);
  if (date === "impossible") return problem(NOT_A_REAL_DATE);
  return ok(formatDate(date));
}

/** Reads the date part of already-cleaned text; shared with the date-time reader. */
export function readDate(text: string, order: DateOrder): CalendarDate | "unreadable" | "impossible" {
  const first = YEAR_FIRST.exec(text);
  const chinese = YEAR_FIRST_CHINESE.exec(text);
  const last = order === "YMD" ? null : YEAR_LAST.exec(text);
  let parts: [string, string, string];
  if (first) parts = [first[1]!, first[3]!, first[4]!];
  else if (chinese) parts = [chinese[1]!, chinese[2]!, chinese[3]!];
  else if (last && order === "DMY") parts = [last[4]!, last[3]!, last[1]!];
  else if (last) parts = [last[4]!, last[1]!, last[3]!];
  else return "unreadable";
  const [year, month, day] = parts.map(Number) as [number, number, number];
  return isRealDate(year, month, day) ? { year, month, day } : "impossible";
}

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// Years before 1000 are typos or placeholders such as MySQL's 0000-00-00.
function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
