/** A table as RFC 4180 CSV, with a BOM so spreadsheet programs read UTF-8 (Chinese names) right. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const cell = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? "" : String(value);
    const guarded = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
    return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
  };
  return "\uFEFF" + rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** Saves a Blob or data URL under a file name, through a temporary link. */
export function download(content: Blob | string, fileName: string): void {
  const href = typeof content === "string" ? content : URL.createObjectURL(content);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  if (typeof content !== "string") setTimeout(() => URL.revokeObjectURL(href), 1_000);
}
