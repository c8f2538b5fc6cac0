export type CsvValue = string | number | boolean | null | undefined;

/**
 * Text a spreadsheet would run as a formula (`=`, `@`, or `+`/`-` not followed by a digit)
 * gets a leading apostrophe, so an exported file cannot execute anything; phone numbers such
 * as +44… and negative numbers stay as they are.
 */
function defuse(text: string): string {
  return /^[=@\t\r]|^[+-][^0-9.]/.test(text) ? `'${text}` : text;
}

/** One CSV record (RFC 4180), CRLF-terminated, quoting only what needs quoting. */
export function csvRow(values: CsvValue[]): string {
  return (
    values
      .map((value) => {
        if (value === null || value === undefined) return "";
        const text = typeof value === "string" ? defuse(value) : String(value);
        return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}
