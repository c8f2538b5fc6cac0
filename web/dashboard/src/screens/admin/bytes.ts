const UNITS = [
  ["byte", 1],
  ["kilobyte", 1024],
  ["megabyte", 1024 ** 2],
  ["gigabyte", 1024 ** 3],
] as const;

/** A size in the largest unit that keeps it at one or more, in the given locale ("1.4 MB", "1.4 兆字节"). */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, size] = [...UNITS].reverse().find(([, size]) => bytes >= size) ?? UNITS[0];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: unit === "byte" ? 0 : 1 }).format(bytes / size);
}
