import { ok, problem, type Standardised } from "./result.ts";
import { cleanText } from "./text.ts";

const YES = new Set(["true", "yes", "y", "1", "是", "同意"]);
const NO = new Set(["false", "no", "n", "0", "否", "不同意"]);

/**
 * Standardises a yes/no answer (true/false, yes/no, y/n, 1/0, 是/否, 同意/不同意 "agree/disagree"),
 * in any case. Blank gives `null`, since an unanswered consent question is not a "no".
 */
export function standardiseBoolean(value: string): Standardised<boolean | null> {
  const text = cleanText(value)?.toLowerCase() ?? null;
  if (text === null) return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return problem("is not yes or no");
}
