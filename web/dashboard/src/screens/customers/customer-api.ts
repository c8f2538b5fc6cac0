import { api, authFetch } from "../../api/client.ts";
import { ApiError, unwrap, type Problem } from "../../api/problem.ts";

export type ListQuery = NonNullable<Parameters<typeof api.v1.customers.$get>[0]>["query"];

/** One page of the customer list for a search, filters, sort and cursor. */
export function listCustomers(query: ListQuery) {
  return unwrap(api.v1.customers.$get({ query }));
}

export type Customer = Awaited<ReturnType<typeof fetchCustomer>>;
export type CustomerChange = NonNullable<Parameters<(typeof api.v1.customers)[":customerId"]["$patch"]>[0]>["json"];
export type NewCustomer = NonNullable<Parameters<typeof api.v1.customers.$post>[0]>["json"];

export function fetchCustomer(customerId: string) {
  return unwrap(api.v1.customers[":customerId"].$get({ param: { customerId } }));
}

export function updateCustomer(customerId: string, json: CustomerChange) {
  return unwrap(api.v1.customers[":customerId"].$patch({ param: { customerId }, json }));
}

export function fetchAttributes() {
  return unwrap(api.v1.attributes.$get());
}

export type Attribute = Awaited<ReturnType<typeof fetchAttributes>>["items"][number];

/** Query keys, so a change can refresh exactly what shows the customer. */
export const keys = {
  list: (query: ListQuery) => ["customers", "list", query] as const,
  customer: (customerId: string) => ["customers", "one", customerId] as const,
  attributes: ["attributes"] as const,
};

/** The file name a download's content-disposition names, else the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? fallback;
}

/**
 * Downloads a file the API streams (a CSV export, a person's data): the typed client builds the
 * address, authFetch adds the session, and the browser saves the body under the server's name.
 */
export async function downloadFrom(url: URL, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await authFetch(url);
  } catch (error) {
    throw new ApiError({ title: "The server could not be reached", status: 0, code: "NETWORK", detail: String(error) });
  }
  if (!response.ok) {
    const type = response.headers.get("content-type") ?? "";
    throw new ApiError(type.includes("json") ? ((await response.json()) as Problem) : { title: response.statusText, status: response.status, code: `HTTP_${response.status}` });
  }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** How many minor units make one unit of a currency (100 for GBP, 1 for JPY). */
export function minorPerUnit(currency: string): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}
