import { beforeAll, describe, expect, inject, it } from "vitest";
import { verifyStandardWebhooks } from "../../src/webhooks/verify/standard-webhooks.ts";
import { call } from "../harness/api.ts";
import { ALLOWED_ORIGIN, createFixture, type Fixture } from "../harness/fixture.ts";
import type { ReceivedHook } from "../harness/hook-receiver.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { responseBody } from "../harness/surveys.ts";

const receiver = inject("hookReceiver");

async function receivedAt(path: string): Promise<ReceivedHook[]> {
  return (await fetch(`${receiver}/received${path}`)).json();
}

describe("the response webhook", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture();
  });
  const setEndpoint = async (path: string) =>
    expectJson<{ url: string; secret: string }>(await call("PUT", "/v1/surveys/webhook", { token: fx.owner.tokens.accessToken, body: { url: `${receiver}${path}` } }));
  const complete = (id: string, overrides: Record<string, unknown> = {}) =>
    call("PUT", `/v1/widget/responses/${id}`, { token: fx.keys.publishable.key, headers: { origin: ALLOWED_ORIGIN }, body: responseBody(fx.surveyId, overrides) });

  it("posts a completed response once, signed as Standard Webhooks, and not a partial one", async () => {
    const path = `/ok/${crypto.randomUUID()}`;
    const { secret } = await setEndpoint(path);
    expect(secret).toMatch(/^whsec_/);
    const partial = crypto.randomUUID();
    expect((await complete(partial, { complete: false })).status).toBe(200);
    const id = crypto.randomUUID();
    const body = responseBody(fx.surveyId);
    expect((await complete(id, body)).status).toBe(200);
    expect((await complete(id, body)).status).toBe(200);
    await expect.poll(() => receivedAt(path), { timeout: 20_000, interval: 500 }).toHaveLength(1);
    // The queue's batch window is a second: a second post, had one been queued, would be in by now.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const hooks = await receivedAt(path);
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    const verdict = await verifyStandardWebhooks({ body: new TextEncoder().encode(hook!.body), headers: new Headers(hook!.headers), secrets: [secret], shopDomain: null, now: Date.now() });
    expect(verdict).toMatchObject({ kind: "delivery", topic: "survey.response.completed", webhookId: `msg_${id}` });
    expect(hook!.headers["webhook-id"]).toBe(`msg_${id}`);
    expect(JSON.parse(hook!.body)).toMatchObject({ type: "survey.response.completed", data: { id, surveyId: fx.surveyId, version: 1, answers: body.answers } });
  });

  it("retries through the queue when the endpoint fails", async () => {
    const path = `/fail-first/${crypto.randomUUID()}`;
    await setEndpoint(path);
    const id = crypto.randomUUID();
    expect((await complete(id)).status).toBe(200);
    await expect.poll(() => receivedAt(path), { timeout: 30_000, interval: 500 }).toHaveLength(2);
    const [first, second] = await receivedAt(path);
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
  });

  it("is set by managers only, to an http(s) URL, and off with null", async () => {
    await expectProblem(await call("PUT", "/v1/surveys/webhook", { token: fx.members.analyst.tokens.accessToken, body: { url: null } }), 403);
    await expectProblem(await call("PUT", "/v1/surveys/webhook", { token: fx.owner.tokens.accessToken, body: { url: "ftp://example.com/x" } }), 400, "json.url");
    expect(await expectJson(await call("PUT", "/v1/surveys/webhook", { token: fx.owner.tokens.accessToken, body: { url: null } }))).toEqual({ url: null, secret: null });
  });
});
