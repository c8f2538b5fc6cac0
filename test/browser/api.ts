import { expect, inject } from "vitest";
import { nodePool } from "../../scripts/db/node-pool.ts";

const PASSWORD = "a long and unusual passphrase";

/** One JSON request to the Worker under `wrangler dev`, as a tenant's server would send it. */
export async function api<T = unknown>(method: string, path: string, options: { token?: string; body?: unknown; status?: number } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${inject("workerUrl")}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBe(options.status ?? (method === "POST" ? 201 : 200));
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Signs a company up and returns its owner's access token and tenant id. */
export async function signUp(company: string): Promise<{ token: string; tenantId: string }> {
  const email = `owner-${crypto.randomUUID().slice(0, 12)}@example.com`;
  const body = await api<{ tenantId: string; tokens: { accessToken: string } }>("POST", "/v1/signup", { body: { company, name: "Olive Owner", email, password: PASSWORD } });
  return { token: body.tokens.accessToken, tenantId: body.tenantId };
}

/** Runs one query on the browser tests' database, outside any tenant (as the operator). */
export async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const pool = nodePool({ databaseUrl: inject("browserDatabaseUrl"), proxy: inject("browserDbProxy") });
  try {
    return (await pool.query(text, values)).rows as T[];
  } finally {
    await pool.end();
  }
}
