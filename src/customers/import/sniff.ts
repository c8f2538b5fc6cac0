export type Delimiter = "," | ";" | "\t";

const CANDIDATES: readonly Delimiter[] = [",", ";", "\t"];

/**
 * Guesses the field delimiter from a file's header line: the candidate (comma, semicolon, tab) that
 * occurs most often outside double quotes. Spreadsheets in locales with a decimal comma save
 * semicolon-separated files, and copies from a spreadsheet are tab-separated. Counting stops at the
 * first line break outside quotes, so a longer opening chunk may be passed. A tie, or no candidate
 * at all (a one-column file), gives a comma.
 */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const char of headerLine) {
    // A doubled quote inside a quoted field toggles twice, leaving the state as it was.
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  const best = Math.max(...counts.values());
  const winners = CANDIDATES.filter((candidate) => counts.get(candidate) === best);
  return winners.length === 1 ? winners[0]! : ",";
}
