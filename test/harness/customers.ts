import type { z } from "@hono/zod-openapi";
import type { Attribute as AttributeSchema, Customer as CustomerSchema, Interaction as InteractionSchema } from "../../src/customers/routes/schemas.ts";
import { expect } from "vitest";
import type { Account } from "./accounts.ts";
import { call } from "./api.ts";
import { expectJson, getJson } from "./responses.ts";

export type Customer = z.infer<typeof CustomerSchema>;
export type Interaction = z.infer<typeof InteractionSchema>;
export type Attribute = z.infer<typeof AttributeSchema>;
export type Page<T> = { items: T[]; nextCursor: string | null };

export function postCustomer(as: Account, body: unknown): Promise<Response> {
  return call("POST", "/v1/customers", { token: as.tokens.accessToken, body });
}

/** Creates a customer that must be accepted (201) and returns it as stored. */
export async function newCustomer(as: Account, body: Record<string, unknown>): Promise<Customer> {
  return expectJson<Customer>(await postCustomer(as, body), 201);
}

export function patchCustomer(as: Account, customerId: string, body: unknown): Promise<Response> {
  return call("PATCH", `/v1/customers/${customerId}`, { token: as.tokens.accessToken, body });
}

export function customerOf(as: Account, customerId: string): Promise<Customer> {
  return getJson<Customer>(`/v1/customers/${customerId}`, { token: as.tokens.accessToken });
}

/** One page of GET /v1/customers; `query` is the query string as a client writes it. */
export function listCustomers(as: Account, query = ""): Promise<Page<Customer>> {
  return getJson<Page<Customer>>(`/v1/customers${query ? `?${query}` : ""}`, { token: as.tokens.accessToken });
}

export function timelineOf(as: Account, customerId: string, query = ""): Promise<Page<Interaction>> {
  return getJson<Page<Interaction>>(`/v1/customers/${customerId}/timeline${query ? `?${query}` : ""}`, { token: as.tokens.accessToken });
}

export function postAttribute(as: Account, body: unknown): Promise<Response> {
  return call("POST", "/v1/attributes", { token: as.tokens.accessToken, body });
}

/** Declares a custom attribute that must be accepted (201). */
export async function declareAttribute(
  as: Account,
  body: { key: string; label?: string; type: Attribute["type"]; options?: string[] },
): Promise<Attribute> {
  return expectJson<Attribute>(await postAttribute(as, { label: body.key, ...body }), 201);
}

/** Follows `nextCursor` from the first page to the last, returning every page's ids in order. */
export async function walkPages<T extends { id: string }>(fetchPage: (cursor?: string) => Promise<Page<T>>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    pages.push(page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 50);
  return pages;
}

/** Checks, without stopping the test, that a request was answered without a server error. */
export async function expectNoServerError(res: Response): Promise<void> {
  const text = await res.text();
  expect.soft(res.status, text).toBeLessThan(500);
}
