import { hc } from "hono/client";
import type { AppType } from "../../../../src/app.ts";
import { accessToken, refreshSession, saveSession } from "./session.ts";

/**
 * fetch with the user's access token: refreshed shortly before it expires, and once more when an
 * answer says 401 (a key rotation, a clock skew), so the user never sees a session end early.
 */
export async function authFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) => {
    const headers = new Headers(init.headers);
    if (token && !headers.has("authorization")) headers.set("authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  const first = await send(await accessToken());
  if (first.status !== 401 || new Headers(init.headers).has("authorization")) return first;
  const tokens = await refreshSession(true);
  if (!tokens) {
    saveSession(null);
    return first;
  }
  return send(tokens.accessToken);
}

/** The typed API client: its routes and bodies are the Worker's own types, so a changed route breaks the build. */
export const api = hc<AppType>(window.location.origin, { fetch: authFetch });

export type Api = typeof api;
