import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { connect, type Integration } from "../harness/integrations.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";

describe("integrations", () => {
  it("connects a shop, returning its delivery URL and a secret shown only then", async () => {
    const owner = await signUp();
    const { integration, secret } = await connect(owner, "shopify", { secret: "shpss_0123456789abcdef", shopDomain: "Example.MyShopify.com " });
    expect(integration).toMatchObject({ platform: "shopify", status: "active", shopDomain: "example.myshopify.com", deliveryUrl: `https://ckm.test/v1/hooks/${integration.id}` });
    expect(secret).toBe("shpss_0123456789abcdef");
    const listed = await expectJson<{ items: Integration[] }>(await call("GET", "/v1/integrations", { token: owner.tokens.accessToken }));
    expect(listed.items.map((item) => item.id)).toEqual([integration.id]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(await expectJson(await call("GET", `/v1/integrations/${integration.id}`, { token: owner.tokens.accessToken })))).not.toContain(secret);
  });

  it("refuses invalid input field by field, writing nothing", async () => {
    const owner = await signUp();
    const post = (body: unknown) => call("POST", "/v1/integrations", { token: owner.tokens.accessToken, body });
    await expectProblem(await post({ platform: "magento", name: "M" }), 400, "json.platform");
    await expectProblem(await post({ platform: "generic", name: "" }), 400, "json.name");
    await expectProblem(await post({ platform: "shopify", name: "S", secret: "short" }), 400, "json.secret");
    await expectProblem(await post({ platform: "shopify", name: "S", secret: "long enough secret", shopDomain: "not a host" }), 400, "json.shopDomain");
    await expectProblem(await post({ platform: "generic", name: "G", extra: true }), 400);
    const listed = await expectJson<{ items: Integration[] }>(await call("GET", "/v1/integrations", { token: owner.tokens.accessToken }));
    expect(listed.items).toEqual([]);
  });

  it("renames, disables, rotates and deletes; the URL of a deleted integration answers 404", async () => {
    const owner = await signUp();
    const { integration } = await connect(owner, "generic");
    const renamed = await expectJson<Integration & { name: string }>(await call("PATCH", `/v1/integrations/${integration.id}`, { token: owner.tokens.accessToken, body: { name: "Warehouse", status: "disabled" } }));
    expect(renamed).toMatchObject({ name: "Warehouse", status: "disabled" });
    await expectProblem(await call("POST", `/v1/integrations/${integration.id}/rotate-secret`, { token: owner.tokens.accessToken, body: { overlapHours: 500 } }), 400, "json.overlapHours");
    const res = await call("DELETE", `/v1/integrations/${integration.id}`, { token: owner.tokens.accessToken });
    expect(res.status).toBe(204);
    await expectProblem(await call("GET", `/v1/integrations/${integration.id}`, { token: owner.tokens.accessToken }), 404);
    await expectProblem(await call("POST", `/v1/hooks/${integration.id}`, { raw: { body: "{}", contentType: "application/json" } }), 404);
  });

  it("is managed by owners and admins only", async () => {
    const owner = await signUp();
    const analyst = await addMember(owner, "analyst");
    await expectProblem(await call("GET", "/v1/integrations", { token: analyst.tokens.accessToken }), 403);
    await expectProblem(await call("POST", "/v1/integrations", { token: analyst.tokens.accessToken, body: { platform: "generic", name: "G" } }), 403);
  });

  it("pages the delivery log and filters it by status", async () => {
    const owner = await signUp();
    const { integration } = await connect(owner, "generic");
    for (let n = 0; n < 3; n++) await expectJson(await call("POST", `/v1/integrations/${integration.id}/test-delivery`, { token: owner.tokens.accessToken }), 202);
    const first = await expectJson<{ items: Array<{ id: string }>; nextCursor: string }>(await call("GET", `/v1/integrations/${integration.id}/deliveries?limit=2`, { token: owner.tokens.accessToken }));
    expect(first.items).toHaveLength(2);
    const second = await expectJson<{ items: Array<{ id: string }>; nextCursor: string | null }>(
      await call("GET", `/v1/integrations/${integration.id}/deliveries?limit=2&cursor=${first.nextCursor}`, { token: owner.tokens.accessToken }),
    );
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(3);
    await expectProblem(await call("GET", `/v1/integrations/${integration.id}/deliveries?status=lost`, { token: owner.tokens.accessToken }), 400, "query.status");
    await expectProblem(await call("GET", `/v1/integrations/${integration.id}/deliveries?cursor=bogus`, { token: owner.tokens.accessToken }), 400, "query.cursor");
  });
});
