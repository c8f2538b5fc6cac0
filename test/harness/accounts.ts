import { expect } from "vitest";
import { call, clientAddress, uniqueEmail } from "./api.ts";

export const PASSWORD = "a long and unusual passphrase";

export type Tokens = { accessToken: string; refreshToken: string; accessTokenExpiresAt: string; refreshTokenExpiresAt: string };
export type Account = { tenantId: string; userId: string; email: string; tokens: Tokens };

/** Signs a new company up through the API and returns its owner's account and tokens. */
export async function signUp(company = "Acme Gifts"): Promise<Account> {
  const email = uniqueEmail("owner");
  const res = await call("POST", "/v1/signup", {
    body: { company, name: "Olive Owner", email, password: PASSWORD },
    headers: clientAddress(),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = await res.json<{ tenantId: string; userId: string; tokens: Tokens }>();
  return { ...body, email };
}

/** Invites someone with a role and accepts the invitation, as two people would. */
export async function addMember(owner: Account, role: "owner" | "admin" | "analyst" | "viewer"): Promise<Account> {
  const email = uniqueEmail(role);
  const invited = await call("POST", "/v1/invites", { token: owner.tokens.accessToken, body: { email, role } });
  expect(invited.status, await invited.clone().text()).toBe(201);
  const { token } = await invited.json<{ token: string }>();
  const accepted = await call("POST", "/v1/invites/accept", {
    body: { token, name: `${role} member`, password: PASSWORD },
    headers: clientAddress(),
  });
  expect(accepted.status, await accepted.clone().text()).toBe(201);
  const body = await accepted.json<{ tenantId: string; userId: string; tokens: Tokens }>();
  return { ...body, email };
}

/** Creates an API key through the API and returns its id and plaintext. */
export async function createKey(
  owner: Account,
  input: { kind: "secret"; role: "admin" | "analyst" | "viewer" } | { kind: "publishable" },
): Promise<{ id: string; key: string }> {
  const res = await call("POST", "/v1/api-keys", { token: owner.tokens.accessToken, body: { name: `${input.kind} key`, ...input } });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = await res.json<{ apiKey: { id: string }; key: string }>();
  return { id: body.apiKey.id, key: body.key };
}
