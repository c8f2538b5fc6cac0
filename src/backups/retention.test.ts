import { describe, expect, it } from "vitest";
import { backupsToKeep, DEFAULT_RETENTION } from "./retention.ts";

/** A nightly backup at 02:17 UTC on every day from `from`, `days` days long, as the cron makes them. */
function nightly(from: string, days: number) {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(Date.parse(`${from}T02:17:00Z`) + i * 86_400_000);
    return { id: at.toISOString().slice(0, 10), at };
  });
}

/** Runs retention every night over a simulated calendar, deleting what it does not keep, as the cron would. */
function simulate(from: string, days: number, policy = DEFAULT_RETENTION) {
  let stored: Array<{ id: string; at: Date }> = [];
  for (const backup of nightly(from, days)) {
    stored.push(backup);
    const keep = backupsToKeep(stored, policy);
    stored = stored.filter((b) => keep.has(b.id));
  }
  return stored.map((b) => b.id).sort();
}

describe("retention over a simulated calendar", () => {
  it("keeps everything while there are fewer backups than the policy allows", () => {
    expect(simulate("2026-01-01", 5)).toEqual(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"]);
  });

  it("after a year of nightly backups keeps the last 7 days, 4 weeks and 12 months", () => {
    const kept = simulate("2026-01-01", 365);
    const daily = ["2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"];
    for (const id of daily) expect(kept).toContain(id);
    // Newest of each of the last four ISO weeks (weeks start on Monday: 28 Dec, 21 Dec, 14 Dec, 7 Dec).
    for (const id of ["2026-12-20", "2026-12-13"]) expect(kept).toContain(id);
    // Newest of each month: the last day of every month from January to November survives.
    for (const id of ["2026-01-31", "2026-02-28", "2026-03-31", "2026-06-30", "2026-11-30"]) expect(kept).toContain(id);
    expect(kept).not.toContain("2026-12-01");
    expect(kept.length).toBe(7 + 2 + 11);
  });

  it("never keeps more than the policy's total, whatever the day", () => {
    const all = nightly("2025-03-01", 400);
    for (let end = 1; end <= all.length; end += 17) {
      const keep = backupsToKeep(all.slice(0, end), DEFAULT_RETENTION);
      expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
      expect(keep.has(all[end - 1]!.id)).toBe(true);
    }
  });

  it("follows a tenant's own policy", () => {
    expect(simulate("2026-01-01", 90, { daily: 2, weekly: 0, monthly: 0 })).toEqual(["2026-03-30", "2026-03-31"]);
    expect(simulate("2026-01-01", 90, { daily: 1, weekly: 0, monthly: 3 })).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
  });
});
