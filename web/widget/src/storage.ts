import type { Seen } from "./logic.ts";

/** Kept here when the page blocks storage, so the widget still works for this page view. */
const memory: Record<string, string> = {};

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return memory[key] ?? null;
  }
}

function write(key: string, value: string): void {
  memory[key] = value;
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage blocked or full: this page view keeps the value in memory
  }
}

/** A random UUID from getRandomValues, which unlike randomUUID also works on plain http pages. */
export function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** This browser's visitor id: made once, no cookies. */
export function visitorId(): string {
  let id = read("ckm.visitor");
  if (!id) write("ckm.visitor", (id = uuid()));
  return id;
}

/** When each survey was last shown to this visitor. */
export function seen(): Seen {
  try {
    return JSON.parse(read("ckm.seen") ?? "{}") as Seen;
  } catch {
    return {};
  }
}

export function markSeen(surveyId: string, at: number): void {
  write("ckm.seen", JSON.stringify({ ...seen(), [surveyId]: at }));
}
