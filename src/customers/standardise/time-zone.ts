const formatters = new Map<string, Intl.DateTimeFormat>();
// Each conversion formats twice, and an import's rows repeat the same few moments (every line of
// an invoice), so recent answers are kept; the map is emptied when full, to stay small.
const converted = new Map<string, number>();
const MAX_CONVERTED = 4096;

/**
 * Converts a wall-clock time in an IANA time zone to a UTC instant. `wallClock` is the local
 * time's fields encoded as if they were UTC (`Date.UTC(...)`). The zone's offset is looked up at
 * a first guess and again at the corrected instant, so times near a daylight-saving change get
 * the offset in force at that moment. Throws a RangeError for an unknown zone.
 */
export function wallClockToUtc(wallClock: number, timeZone: string): number {
  if (timeZone === "UTC") return wallClock;
  const key = `${timeZone} ${wallClock}`;
  let instant = converted.get(key);
  if (instant === undefined) {
    const guess = wallClock - offsetAt(wallClock, timeZone);
    instant = wallClock - offsetAt(guess, timeZone);
    if (converted.size >= MAX_CONVERTED) converted.clear();
    converted.set(key, instant);
  }
  return instant;
}

// How far the zone's clocks are ahead of UTC at `instant`, in milliseconds.
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour) % 24, // some engines still write midnight as 24 under hour12: false
    Number(parts.minute),
    Number(parts.second),
  );
  return local - (instant - (((instant % 1000) + 1000) % 1000));
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}
