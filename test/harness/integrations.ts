import { expect } from "vitest";
import type { Account } from "./accounts.ts";
import { call } from "./api.ts";
import { expectJson } from "./responses.ts";

export type Integration = { id: string; platform: string; status: string; deliveryUrl: string; previousSecretExpiresAt: string | null };
export type Delivery = {
  id: string;
  topic: string;
  status: string;
  attempts: number;
  error: string | null;
  webhookId: string | null;
  outcome: { customers?: string[]; orders?: string[]; refunds?: string[]; skipped?: string[]; warnings?: string[] } | null;
};

/** Connects a shop through the API; returns the integration and its secret. */
export async function connect(owner: Account, platform: string, extra: Record<string, unknown> = {}): Promise<{ integration: Integration; secret: string }> {
  return expectJson(await call("POST", "/v1/integrations", { token: owner.tokens.accessToken, body: { platform, name: `${platform} shop`, ...extra } }), 201);
}

export async function deliveries(owner: Account, integrationId: string): Promise<Delivery[]> {
  const page = await expectJson<{ items: Delivery[] }>(await call("GET", `/v1/integrations/${integrationId}/deliveries?limit=200`, { token: owner.tokens.accessToken }));
  return page.items;
}

const WAITING = new Set(["received", "failed"]);

/** Waits until the queue has processed a delivery (or given it up), following the delivery log. */
export async function settled(owner: Account, integrationId: string, deliveryId: string, until: (delivery: Delivery) => boolean = (d) => !WAITING.has(d.status)): Promise<Delivery> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const delivery = await expectJson<Delivery>(await call("GET", `/v1/integrations/${integrationId}/deliveries/${deliveryId}`, { token: owner.tokens.accessToken }));
    if (until(delivery)) return delivery;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`delivery ${deliveryId} did not settle within a minute`);
}

/** Posts a delivery, expects it recorded, and returns its id. */
export async function accepted(res: Response): Promise<{ deliveryId: string; duplicate: boolean }> {
  const receipt = await expectJson<{ deliveryId: string; duplicate: boolean }>(res, 200);
  expect(receipt.deliveryId).toBeTruthy();
  return receipt;
}
