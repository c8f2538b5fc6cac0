import type { Survey } from "./types.ts";

export type Listing = { settings: { globalRecontactDays: number | null }; surveys: Survey[] };

/** The widget endpoints of one ckm host, called with the tenant's publishable key. */
export function client(base: string, key: string, language = navigator.language || "en") {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(base + path, {
      method,
      credentials: "omit",
      keepalive: method !== "GET",
      headers: body === undefined ? { Authorization: `Bearer ${key}` } : { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`ckm: ${method} ${path} answered ${response.status}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  const lang = encodeURIComponent(language);
  return {
    list: () => call<Listing>("GET", `/v1/widget/surveys?lang=${lang}&url=${encodeURIComponent(location.href)}`),
    get: (id: string) => call<Survey>("GET", `/v1/widget/surveys/${encodeURIComponent(id)}?lang=${lang}`),
    save: (responseId: string, body: unknown) => call<{ id: string; status: string }>("PUT", `/v1/widget/responses/${responseId}`, body),
    identify: (body: unknown) => call<void>("POST", "/v1/widget/identify", body),
  };
}

export type Client = ReturnType<typeof client>;
