import {
  apiKeys,
  customAttributes,
  customerIdentities,
  customers,
  integrations,
  invites,
  orderLines,
  orders,
  customerScores,
  refreshTokens,
  segmentationRuns,
  segments,
  sessions,
  users,
  webhookDeliveries,
} from "../../src/db/schema/index.ts";
import { newId } from "../../src/platform/ids.ts";
import type { Credential, Role } from "../../src/platform/roles.ts";
import { hashToken } from "../../src/platform/secrets.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { addMember, createKey, signUp, type Account } from "./accounts.ts";
import { call } from "./api.ts";
import { withDatabase } from "./database.ts";
import { takeBackup } from "./backups.ts";
import { identitySecret, insertResponse, publishedSurvey } from "./surveys.ts";

export const ALLOWED_ORIGIN = "https://shop.example.com";

/** One way of calling the API: a staff member's token, a key, or nothing. */
export type Caller = { name: string; kind: Credential | "none"; role?: Role; token?: string; headers?: Record<string, string> };

/**
 * A tenant with data in every tenant table and one caller per credential kind and role: the
 * owner and three invited members, three secret keys, a publishable key, and no credential.
 */
export type Fixture = {
  tenantId: string;
  owner: Account;
  members: Record<"admin" | "analyst" | "viewer", Account>;
  keys: Record<"admin" | "analyst" | "viewer" | "publishable", { id: string; key: string }>;
  inviteId: string;
  customerIds: string[];
  /** A custom attribute key only this tenant has. */
  attributeKey: string;
  orderId: string;
  mergeId: string;
  importId: string;
  /** A generic (Standard Webhooks) integration, its secret, and one delivery it received. */
  integrationId: string;
  integrationSecret: string;
  deliveryId: string;
  /** A finished segmentation run that scored the first customer. */
  runId: string;
  /** A completed backup of the tenant. */
  backupId: string;
  /** A saved segment whose filter matches the first customer (segment "New" in that run). */
  segmentId: string;
  /** A published survey (version 1 of the sample definition) and a partial response to it. */
  surveyId: string;
  responseId: string;
  /** The tenant's widget identity verification secret. */
  identitySecret: string;
  callers: Caller[];
};

export async function createFixture(): Promise<Fixture> {
  const owner = await signUp();
  const admin = await addMember(owner, "admin");
  const analyst = await addMember(owner, "analyst");
  const viewer = await addMember(owner, "viewer");
  const keys = {
    admin: await createKey(owner, { kind: "secret", role: "admin" }),
    analyst: await createKey(owner, { kind: "secret", role: "analyst" }),
    viewer: await createKey(owner, { kind: "secret", role: "viewer" }),
    publishable: await createKey(owner, { kind: "publishable" }),
  };
  await call("PATCH", "/v1/settings", { token: owner.tokens.accessToken, body: { allowedOrigins: [ALLOWED_ORIGIN] } });
  const invite = await insertInvite(owner.tenantId);
  const attributeKey = await insertAttribute(owner.tenantId);
  const customerIds = await withDatabase((db) => withTenant(db, owner.tenantId, async (tx) => {
    const rows = await tx
      .insert(customers)
      .values([1, 2].map((n) => ({ tenantId: owner.tenantId, displayName: `Customer ${n}`, email: `c${n}@${owner.tenantId}.example` })))
      .returning({ id: customers.id });
    return rows.map((row) => row.id);
  }));
  const callers: Caller[] = [
    { name: "owner token", kind: "user", role: "owner", token: owner.tokens.accessToken },
    { name: "admin token", kind: "user", role: "admin", token: admin.tokens.accessToken },
    { name: "analyst token", kind: "user", role: "analyst", token: analyst.tokens.accessToken },
    { name: "viewer token", kind: "user", role: "viewer", token: viewer.tokens.accessToken },
    { name: "admin secret key", kind: "secret_key", role: "admin", token: keys.admin.key },
    { name: "analyst secret key", kind: "secret_key", role: "analyst", token: keys.analyst.key },
    { name: "viewer secret key", kind: "secret_key", role: "viewer", token: keys.viewer.key },
    { name: "publishable key", kind: "publishable_key", token: keys.publishable.key, headers: { origin: ALLOWED_ORIGIN } },
    { name: "no credential", kind: "none" },
  ];
  return {
    tenantId: owner.tenantId,
    owner,
    members: { admin, analyst, viewer },
    keys,
    inviteId: invite.id,
    customerIds,
    attributeKey,
    orderId: await insertOrder(owner.tenantId, customerIds[0]!),
    mergeId: await mergeFresh(owner),
    importId: await uploadFresh(owner),
    ...(await insertIntegration(owner.tenantId)),
    runId: await insertRun(owner.tenantId, customerIds[0]!),
    backupId: (await takeBackup(owner.tenantId)).backupId,
    segmentId: await insertSegment(owner.tenantId),
    ...(await insertSurvey(owner)),
    callers,
  };
}

/** A published survey with one partial response, and the tenant's identity secret. */
async function insertSurvey(owner: Account): Promise<{ surveyId: string; responseId: string; identitySecret: string }> {
  const surveyId = await publishedSurvey(owner);
  return { surveyId, responseId: await insertResponse(owner.tenantId, surveyId), identitySecret: await identitySecret(owner) };
}

export const GENERIC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** A generic integration written straight to the database, with one received delivery. */
export async function insertIntegration(tenantId: string): Promise<{ integrationId: string; integrationSecret: string; deliveryId: string }> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const [integration] = await tx.insert(integrations).values({ tenantId, platform: "generic", name: "Sender", secret: GENERIC_SECRET }).returning({ id: integrations.id });
      const payload = JSON.stringify({ type: "customer.updated", timestamp: new Date().toISOString(), data: { id: `ext-${crypto.randomUUID()}`, name: "Webhook Customer" } });
      const [delivery] = await tx
        .insert(webhookDeliveries)
        .values({ tenantId, integrationId: integration!.id, topic: "customer.updated", dedupKey: crypto.randomUUID(), payload, payloadBytes: payload.length })
        .returning({ id: webhookDeliveries.id });
      return { integrationId: integration!.id, integrationSecret: GENERIC_SECRET, deliveryId: delivery!.id };
    }),
  );
}

/** A member written straight to the database, for routes that consume one. */
export async function insertMember(tenantId: string, role: Role): Promise<string> {
  return withDatabase((db) => withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ tenantId, email: `${newId("m")}@example.com`, name: "Inserted member", role, passwordHash: "none" })
      .returning({ id: users.id });
    return row!.id;
  }));
}

/** A pending invitation with a known token. */
export async function insertInvite(tenantId: string): Promise<{ id: string; token: string }> {
  const token = newId("inv");
  const tokenHash = await hashToken(token);
  return withDatabase((db) => withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(invites)
      .values({ tenantId, email: `${newId("i")}@example.com`, role: "viewer", tokenHash, expiresAt: new Date(Date.now() + 3600_000) })
      .returning({ id: invites.id });
    return { id: row!.id, token };
  }));
}

/** A live session of a user, returning its refresh token. */
export async function insertSession(tenantId: string, userId: string): Promise<string> {
  const token = newId("rt");
  const tokenHash = await hashToken(token);
  await withDatabase((db) => withTenant(db, tenantId, async (tx) => {
    const [session] = await tx.insert(sessions).values({ tenantId, userId }).returning({ id: sessions.id });
    await tx.insert(refreshTokens).values({ tenantId, sessionId: session!.id, tokenHash, expiresAt: new Date(Date.now() + 3600_000) });
  }));
  return token;
}

/** A secret key written straight to the database, for routes that consume one. */
export async function insertApiKey(tenantId: string): Promise<string> {
  const key = newId("sk_live");
  const tokenHash = await hashToken(key);
  return withDatabase((db) => withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ tenantId, name: "Inserted key", kind: "secret", role: "viewer", tokenHash, preview: key.slice(0, 12) })
      .returning({ id: apiKeys.id });
    return row!.id;
  }));
}

/** A text attribute with a key no other tenant has. */
export async function insertAttribute(tenantId: string): Promise<string> {
  const key = `attr_${crypto.randomUUID().slice(0, 8)}`;
  await withDatabase((db) =>
    withTenant(db, tenantId, (tx) => tx.insert(customAttributes).values({ tenantId, key, label: "Inserted attribute", type: "text" })),
  );
  return key;
}

/** An external identity on a customer, for routes that consume one. */
export async function insertIdentity(tenantId: string, customerId: string): Promise<{ platform: string; externalId: string }> {
  const identity = { platform: "shopify", externalId: `gid://shopify/Customer/${crypto.randomUUID()}` };
  await withDatabase((db) => withTenant(db, tenantId, (tx) => tx.insert(customerIdentities).values({ tenantId, customerId, ...identity })));
  return identity;
}

/** A paid order of 10.00 GBP (two lines), for routes that refund or cancel one. */
export async function insertOrder(tenantId: string, customerId: string): Promise<string> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const [order] = await tx
        .insert(orders)
        .values({ tenantId, customerId, source: "test", status: "paid", currency: "GBP", totalMinor: 1000, orderedAt: new Date() })
        .returning({ id: orders.id });
      await tx.insert(orderLines).values([
        { tenantId, orderId: order!.id, lineNo: 1, sku: "A1", title: "Mug", quantity: 2, unitPriceMinor: 250 },
        { tenantId, orderId: order!.id, lineNo: 2, sku: "B2", title: "Teapot", quantity: 1, unitPriceMinor: 500 },
      ]);
      return order!.id;
    }),
  );
}

/** A customer written straight to the database. */
export async function insertCustomer(tenantId: string, name = "Inserted customer"): Promise<string> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const [row] = await tx.insert(customers).values({ tenantId, displayName: name }).returning({ id: customers.id });
      return row!.id;
    }),
  );
}

/** Two fresh customers merged through the API; returns the merge id. */
export async function mergeFresh(owner: Account): Promise<string> {
  const survivor = await insertCustomer(owner.tenantId, "Survivor");
  const duplicate = await insertCustomer(owner.tenantId, "Duplicate");
  const res = await call("POST", `/v1/customers/${survivor}/merge`, { token: owner.tokens.accessToken, body: { duplicateId: duplicate } });
  if (res.status !== 201) throw new Error(`merge failed: ${res.status} ${await res.text()}`);
  return (await res.json<{ id: string }>()).id;
}

/** A small CSV uploaded through the API; returns the import id. */
export async function uploadFresh(owner: Account): Promise<string> {
  const res = await call("POST", "/v1/imports?fileName=customers.csv", {
    token: owner.tokens.accessToken,
    raw: { body: "Email,Name,Country\r\nada@example.com,Ada,United Kingdom\r\n", contentType: "text/csv" },
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return (await res.json<{ import: { id: string } }>()).import.id;
}

/** A finished segmentation run with one customer's scores, written straight to the database. */
export async function insertRun(tenantId: string, customerId: string): Promise<string> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const [run] = await tx
        .insert(segmentationRuns)
        .values({ tenantId, trigger: "manual", status: "done", stage: "finished", asOf: new Date(), customers: 1, finishedAt: new Date() })
        .returning({ id: segmentationRuns.id });
      const day = new Date(Date.now() - 10 * 86_400_000);
      await tx.insert(customerScores).values({
        tenantId, runId: run!.id, customerId, orders: 1, purchaseDays: 1, txDays: 0, ageDays: 10, firstOrderAt: day, lastOrderAt: day,
        recencyDays: 10, monetaryMinor: 1000, repeatSpendMinor: 0, r: 5, f: 1, m: 1, segment: "New",
      });
      return run!.id;
    }),
  );
}

/** A saved segment of the customers in RFM segment "New", written straight to the database. */
export async function insertSegment(tenantId: string): Promise<string> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const [row] = await tx.insert(segments).values({ tenantId, name: "Newcomers", filter: SAMPLE_FILTER }).returning({ id: segments.id });
      return row!.id;
    }),
  );
}

export const SAMPLE_FILTER = { all: [{ field: "score.rfmSegment", op: "eq", value: "New" }, { field: "customer.country", op: "isNull", value: true }] };
