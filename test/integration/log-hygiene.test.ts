import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createKey, PASSWORD, signUp } from "../harness/accounts.ts";
import { call, clientAddress } from "../harness/api.ts";
import { connect, settled, accepted } from "../harness/integrations.ts";
import { deliver, genericCustomerEvent, standardHeaders } from "../harness/webhooks.ts";

/** Every line the Worker writes to its console while the test runs. */
const lines: string[] = [];
const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
);

describe("logs never carry secrets or personal data", () => {
  const secrets: Record<string, string> = {};
  beforeAll(async () => {
    lines.length = 0;
    const owner = await signUp("Log Hygiene Ltd");
    secrets.password = PASSWORD;
    secrets.ownerEmail = owner.email;
    secrets.accessToken = owner.tokens.accessToken;
    secrets.refreshToken = owner.tokens.refreshToken;
    secrets.secretKey = (await createKey(owner, { kind: "secret", role: "admin" })).key;
    secrets.customerEmail = "ada.lovelace.private@example.org";
    secrets.customerPhone = "+44 20 7946 0958";

    const token = owner.tokens.accessToken;
    await call("POST", "/v1/customers", { token, body: { name: "Ada Lovelace", email: secrets.customerEmail, phone: secrets.customerPhone } });
    await call("POST", "/v1/customers", { token, body: { name: "Ada Lovelace", email: secrets.customerEmail, phone: "not a phone" } });
    await call("POST", "/v1/login", { body: { email: owner.email, password: `${PASSWORD}-wrong` }, headers: clientAddress() });
    await call("POST", "/v1/login", { body: { email: owner.email, password: PASSWORD }, headers: clientAddress() });
    await call("POST", "/v1/refresh", { body: { refreshToken: secrets.refreshToken } });
    await call("GET", "/v1/customers?q=ada.lovelace.private", { token: secrets.secretKey });
    await call("GET", "/v1/customers", { token: `${secrets.secretKey}x` });

    const { integration, secret } = await connect(owner, "generic");
    secrets.webhookSecret = secret;
    const body = genericCustomerEvent("cust-log-1", "grace.hopper.private@example.org");
    secrets.webhookEmail = "grace.hopper.private@example.org";
    const delivery = await accepted(await deliver(integration.id, body, standardHeaders(secret, body)));
    await settled(owner, integration.id, delivery.deliveryId);
    await deliver(integration.id, body, standardHeaders("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", body));
  });
  afterAll(() => spies.forEach((spy) => spy.mockRestore()));

  it("wrote request lines while the seeded secrets and addresses went through", () => {
    expect(lines.filter((line) => line.includes('"message":"request"')).length).toBeGreaterThan(8);
  });

  it("has none of them in any line", () => {
    const leaks = Object.entries(secrets).flatMap(([name, value]) => {
      const needles = [value, value.toLowerCase(), value.replace(/\s/g, "")];
      return lines.filter((line) => needles.some((needle) => line.includes(needle))).map((line) => `${name}: ${line.slice(0, 300)}`);
    });
    expect(leaks).toEqual([]);
  });
});
