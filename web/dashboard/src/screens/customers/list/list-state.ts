import type { ListQuery } from "../customer-api.ts";

export const SORTS = ["-createdAt", "createdAt", "-updatedAt", "updatedAt", "name", "-name"] as const;
export type Sort = (typeof SORTS)[number];

/** Filters kept in the address, each one the list route takes (dates as YYYY-MM-DD). */
export const TEXT_FILTERS = ["country", "city", "source", "company", "industry", "tags"] as const;
export const CHOICE_FILTERS = ["gender", "companySize", "emailConsent", "smsConsent"] as const;
export const DATE_FILTERS = ["createdFrom", "createdTo"] as const;
export const FILTERS = [...TEXT_FILTERS, ...CHOICE_FILTERS, ...DATE_FILTERS] as const;
export type FilterKey = (typeof FILTERS)[number];

/** The part of the address that is the view (search, filters, sort), without the page cursor. */
export const VIEW_PARAMS = ["q", "sort", ...FILTERS] as const;

export const PAGE_SIZE = 25;

export type ListView = { q: string; sort: Sort; filters: Partial<Record<FilterKey, string>>; cursor: string | undefined };

export function readView(params: URLSearchParams): ListView {
  const sort = params.get("sort");
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return { q: params.get("q") ?? "", sort: SORTS.includes(sort as Sort) ? (sort as Sort) : "-createdAt", filters, cursor: params.get("cursor") ?? undefined };
}

/** A day in the address as the instant the API compares with: its start, or the next day's start for an inclusive end. */
function instantOf(day: string, end: boolean): string | undefined {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/** The list route's query for a view. */
export function apiQuery(view: ListView): ListQuery {
  const { createdFrom, createdTo, emailConsent, smsConsent, ...rest } = view.filters;
  const query: Record<string, string> = { sort: view.sort, limit: String(PAGE_SIZE) };
  if (view.q.trim()) query.q = view.q.trim();
  for (const [key, value] of Object.entries(rest)) if (value) query[key] = value;
  if (emailConsent === "true" || emailConsent === "false") query.emailConsent = emailConsent;
  if (smsConsent === "true" || smsConsent === "false") query.smsConsent = smsConsent;
  const from = createdFrom && instantOf(createdFrom, false);
  const to = createdTo && instantOf(createdTo, true);
  if (from) query.createdFrom = from;
  if (to) query.createdTo = to;
  if (view.cursor) query.cursor = view.cursor;
  return query as ListQuery;
}

/** The export route takes the list's filters, without sort and paging. */
export function exportQuery(view: ListView) {
  const query = { ...apiQuery(view) } as Record<string, string>;
  delete query.sort;
  delete query.limit;
  delete query.cursor;
  return query;
}

/** The view's own part of an address (for saved views): search, filters and sort. */
export function viewSearch(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of VIEW_PARAMS) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  return kept.toString();
}
