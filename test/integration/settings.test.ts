import { describe, expect, it } from "vitest";
import { addMember, signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { expectJson, expectProblem, getJson } from "../harness/responses.ts";

type Settings = {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  currency: string;
  locale: string;
  allowedOrigins: string[];
  webhookRetentionDays: number;
};

type AuditEntry = { action: string; actorId: string; entityType: string; entityId: string; changes: Record<string, unknown> };

function settingsOf(as: Account): Promise<Settings> {
  return getJson<Settings>("/v1/settings", { token: as.tokens.accessToken });
}

function patch(as: Account, body: unknown): Promise<Response> {
  return call("PATCH", "/v1/settings", { token: as.tokens.accessToken, body });
}

describe("reading settings", () => {
  it("starts a new tenant with defaults", async () => {
    const owner = await signUp("Defaults Ltd");
    expect(await settingsOf(owner)).toMatchObject({
      id: owner.tenantId,
      name: "Defaults Ltd",
      timezone: "UTC",
      currency: "EUR",
      locale: "en-GB",
      allowedOrigins: [],
      webhookRetentionDays: 30,
    });
  });

  it("is open to every role", async () => {
    const owner = await signUp();
    const viewer = await addMember(owner, "viewer");
    expect(await settingsOf(viewer)).toEqual(await settingsOf(owner));
  });
});

describe("changing settings", () => {
  it("changes only the fields given and answers with the new settings", async () => {
    const owner = await signUp();
    const before = await settingsOf(owner);
    const after = await expectJson<Settings>(await patch(owner, { timezone: "Europe/London", webhookRetentionDays: 90 }));
    expect(after).toEqual({ ...before, timezone: "Europe/London", webhookRetentionDays: 90 });
    expect(await settingsOf(owner)).toEqual(after);
  });

  it("sets the formatting locale, written as BCP 47 canonically spells it", async () => {
    const owner = await signUp();
    expect((await expectJson<Settings>(await patch(owner, { locale: "en-US" }))).locale).toBe("en-US");
    expect((await expectJson<Settings>(await patch(owner, { locale: "zh-cn" }))).locale).toBe("zh-CN");
    expect((await settingsOf(owner)).locale).toBe("zh-CN");
    expect((await getJson<{ tenant: Settings }>("/v1/me", { token: owner.tokens.accessToken })).tenant.locale).toBe("zh-CN");
  });

  it("keeps each allowed origin once", async () => {
    const owner = await signUp();
    const origins = ["https://shop.example.com", "http://localhost:8080", "https://shop.example.com"];
    const after = await expectJson<Settings>(await patch(owner, { allowedOrigins: origins }));
    expect(after.allowedOrigins).toEqual(["https://shop.example.com", "http://localhost:8080"]);
  });

  it("records each changed field's old and new value in the audit log", async () => {
    const owner = await signUp();
    await expectJson(await patch(owner, { timezone: "Europe/Berlin", currency: "GBP", webhookRetentionDays: 30 }));
    const { items } = await getJson<{ items: AuditEntry[] }>("/v1/audit-log?action=settings.update", { token: owner.tokens.accessToken });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actorId: owner.userId, entityType: "tenant", entityId: owner.tenantId });
    expect(items[0]!.changes).toEqual({
      timezone: { from: "UTC", to: "Europe/Berlin" },
      currency: { from: "EUR", to: "GBP" },
    });
  });

  it("is for managers: an analyst is refused", async () => {
    const owner = await signUp();
    const analyst = await addMember(owner, "analyst");
    const before = await settingsOf(owner);
    expect((await expectProblem(await patch(analyst, { timezone: "Asia/Tokyo" }), 403)).code).toBe("FORBIDDEN");
    expect(await settingsOf(owner)).toEqual(before);
  });
});

describe("settings validation", () => {
  // Each invalid field comes with a valid change to `name`, to show nothing is applied.
  const cases: Array<{ what: string; body: Record<string, unknown>; path: string }> = [
    { what: "an unknown time zone", body: { timezone: "Mars/Olympus_Mons" }, path: "json.timezone" },
    { what: "a currency that is not ISO 4217", body: { currency: "XXX1" }, path: "json.currency" },
    { what: "a locale that is not BCP 47", body: { locale: "not a locale!" }, path: "json.locale" },
    { what: "a locale written with an underscore", body: { locale: "en_GB" }, path: "json.locale" },
    { what: "an empty locale", body: { locale: "" }, path: "json.locale" },
    { what: "an origin with a path", body: { allowedOrigins: ["https://shop.example.com/checkout"] }, path: "json.allowedOrigins.0" },
    { what: "an origin with a trailing slash", body: { allowedOrigins: ["https://ok.example.com", "https://shop.example.com/"] }, path: "json.allowedOrigins.1" },
    { what: "a retention of zero days", body: { webhookRetentionDays: 0 }, path: "json.webhookRetentionDays" },
  ];

  it.each(cases)("refuses $what and changes nothing", async ({ body, path }) => {
    const owner = await signUp();
    const before = await settingsOf(owner);
    await expectProblem(await patch(owner, { name: "Renamed Ltd", ...body }), 400, path);
    expect(await settingsOf(owner)).toEqual(before);
  });

  it("refuses an unknown field, naming it, and changes nothing", async () => {
    const owner = await signUp();
    const before = await settingsOf(owner);
    const problem = await expectProblem(await patch(owner, { name: "Renamed Ltd", colour: "teal" }), 400);
    expect(problem.issues).toContainEqual({ path: "json", message: expect.stringContaining("colour") });
    expect(await settingsOf(owner)).toEqual(before);
  });
});
