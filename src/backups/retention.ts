/** How many backups of each period the nightly retention keeps. */
export type RetentionPolicy = { daily: number; weekly: number; monthly: number };

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

type Dated = { id: string; at: Date };

const day = (at: Date) => at.toISOString().slice(0, 10);
const month = (at: Date) => at.toISOString().slice(0, 7);
/** The Monday (UTC) starting the ISO week of a date. */
function week(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return day(monday);
}

/**
 * Chooses the completed backups to keep (grandfather-father-son, in UTC): the newest backup of
 * each of the `daily` most recent days that have one, of the `weekly` most recent ISO weeks, and
 * of the `monthly` most recent months. A backup may count for several periods. Everything else
 * may be deleted. Pure, so it can be tested over a simulated calendar.
 */
export function backupsToKeep(completed: Dated[], policy: RetentionPolicy): Set<string> {
  const newestFirst = [...completed].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id));
  const keep = new Set<string>();
  for (const [period, count] of [[day, policy.daily], [week, policy.weekly], [month, policy.monthly]] as const) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = period(backup.at);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(backup.id);
    }
  }
  return keep;
}
