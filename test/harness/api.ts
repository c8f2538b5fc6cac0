import { hc } from "hono/client";
import type { AppType } from "../../src/app.ts";
import { workerFetch } from "./worker.ts";

export const BASE = "https://ckm.test";

export type CallOptions = {
  token?: string;
  body?: unknown;
  /** A body sent as it is (a CSV file), instead of JSON. */
  raw?: { body: string; contentType: string };
  headers?: Record<string, string>;
};

/** One request to the Worker as a client would send it; JSON in, the raw Response out. */
export function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.raw) headers["content-type"] = options.raw.contentType;
  const body = options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body);
  return workerFetch(`${BASE}${path}`, { method: method.toUpperCase(), headers, body });
}

/** The typed client the dashboard uses, pointed at the Worker under test. */
export function client(token?: string) {
  return hc<AppType>(BASE, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => workerFetch(input, init),
    headers: token ? { authorization: `Bearer ${token}` } : undefined,
  });
}

/** A fresh address per test, so login throttling by address never couples tests. */
export function clientAddress(): Record<string, string> {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return { "cf-connecting-ip": `10.${bytes[0]}.${bytes[1]}.${bytes[2]}` };
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomUUID().slice(0, 12)}@example.com`;
}
