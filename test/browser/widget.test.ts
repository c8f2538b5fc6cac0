import { createHmac } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Browser, Page as Tab } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api, query, signUp } from "./api.ts";
import { launchChromium } from "./chromium.ts";
import { HOSTILE_CSS, servePage, type Page } from "./pages.ts";

const chromium = inject("chromium");
const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;

/** A shop page: hostile styles, the queue snippet with a signed identity, and the embed tag. */
function shopPage(key: string, email: string, signature: string): string {
  const worker = inject("workerUrl");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title><style>${HOSTILE_CSS}</style></head>
<body><h1>Wendy's shop</h1><p>Thanks for your order.</p>
<script>
  window.ckm = window.ckm || function () { (ckm.q = ckm.q || []).push(arguments); };
  ckm("identify", { email: ${JSON.stringify(email)}, signature: ${JSON.stringify(signature)} });
</script>
<script src="${worker}/widget.js" data-key="${key}" async></script>
</body></html>`;
}

const definition = {
  defaultLanguage: "en",
  languages: ["en"],
  title: { en: "How did we do?" },
  questions: [
    { id: "nps", type: "nps", text: { en: "How likely are you to recommend us?" }, required: true },
    { id: "why", type: "text", text: { en: "What went wrong?" }, required: true, showIf: { questionId: "nps", anyOf: [0, 1, 2, 3, 4, 5, 6] } },
    { id: "channel", type: "single", text: { en: "Where did you hear of us?" }, required: false, options: [{ id: "friend", label: { en: "A friend" } }, { id: "ad", label: { en: "An advert" } }], allowOther: true },
    { id: "csat", type: "csat", text: { en: "How satisfied are you with your order?" }, required: true },
  ],
  showing: { trigger: "delay", delaySeconds: 1, samplingPercent: 100, recontactDays: 90 },
  theme: { primary: "#1a56db", background: "#ffffff", text: "#111827", position: "bottom-right" },
};

/** The element focused inside the widget's shadow root, described for assertions. */
const focused = (tab: Tab) =>
  tab.evaluate(() => {
    const active = document.querySelector("ckm-survey")?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return active ? `${active.tagName.toLowerCase()}:${active.getAttribute("type") ?? ""}:${active.textContent ?? ""}:${(active as HTMLInputElement).value ?? ""}` : "none";
  });

async function tabTo(tab: Tab, label: string): Promise<void> {
  for (let i = 0; i < 8; i++) {
    if ((await focused(tab)).startsWith(`button::${label}`) || (await focused(tab)).startsWith(`button:submit:${label}`)) return;
    await tab.keyboard.press("Tab");
  }
  throw new Error(`focus never reached "${label}"; it is on ${await focused(tab)}`);
}

describe.skipIf(!chromium)("the widget on a tenant's page, in Chromium", () => {
  let browser: Browser;
  let shop: Page;
  let stranger: Page;
  let key = "";
  let signature = "";
  let customerId = "";
  let surveyId = "";
  const email = `wendy-${crypto.randomUUID().slice(0, 8)}@example.com`;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    shop = await servePage(8831, () => shopPage(key, email, signature));
    stranger = await servePage(8832, () => shopPage(key, email, signature));
    const { token } = await signUp("Widget Shop");
    await api("PATCH", "/v1/settings", { token, body: { allowedOrigins: [shop.origin] }, status: 200 });
    key = (await api<{ key: string }>("POST", "/v1/api-keys", { token, body: { name: "shop widget", kind: "publishable" } })).key;
    const secret = (await api<{ secret: string }>("POST", "/v1/surveys/identity-secret", { token, status: 200 })).secret;
    signature = createHmac("sha256", secret).update(email).digest("hex");
    customerId = (await api<{ id: string }>("POST", "/v1/customers", { token, body: { name: "Wendy Widget", email } })).id;
    surveyId = (await api<{ id: string }>("POST", "/v1/surveys", { token, body: { name: "After checkout", definition } })).id;
    await api("POST", `/v1/surveys/${surveyId}/publish`, { token, status: 200 });
    browser = await launchChromium(chromium);
  });

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await stranger?.close();
  });

  it("appears on its trigger despite the page's styles, is answered by keyboard alone, and links the answer to the customer", async () => {
    const tab = await browser.newPage();
    await tab.goto(shop.origin);
    const dialog = tab.locator("ckm-survey [role=dialog]");
    await dialog.waitFor({ state: "visible", timeout: 15_000 });
    const shownAt = Date.now();
    const box = (await dialog.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(await dialog.locator("legend").evaluate((legend) => getComputedStyle(legend).fontSize)).toBe("15px");
    await tab.screenshot({ path: `${ARTIFACTS}widget-shown.png` });

    expect(await focused(tab)).toBe("input:radio::0");
    await tab.keyboard.press("Space");
    for (let i = 0; i < 9; i++) await tab.keyboard.press("ArrowRight");
    expect(await focused(tab)).toBe("input:radio::9");
    await tabTo(tab, "Next");
    await tab.keyboard.press("Enter");

    await expect.poll(() => dialog.locator("legend").textContent()).toBe("Where did you hear of us?");
    await tab.keyboard.press("Space");
    await tabTo(tab, "Next");
    await tab.keyboard.press("Enter");

    await expect.poll(() => dialog.locator("legend").textContent()).toBe("How satisfied are you with your order?");
    await tabTo(tab, "Send");
    await tab.keyboard.press("Enter");
    await expect.poll(() => dialog.locator("[role=alert]").textContent()).toBe("Please answer this question.");
    expect(await focused(tab)).toBe("input:radio::1");
    await tab.keyboard.press("Space");
    for (let i = 0; i < 4; i++) await tab.keyboard.press("ArrowRight");
    await tab.screenshot({ path: `${ARTIFACTS}widget-answering.png` });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2500 - (Date.now() - shownAt))));
    await tabTo(tab, "Send");
    await tab.keyboard.press("Enter");
    await dialog.locator("[role=status]").waitFor();
    await tab.screenshot({ path: `${ARTIFACTS}widget-thanks.png` });

    const rows = await query<{ status: string; customer_id: string; answers: Record<string, unknown>; page_url: string }>(
      "select status, customer_id, answers, page_url from survey_responses where survey_id = $1",
      [surveyId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "complete", customer_id: customerId, answers: { nps: 9, channel: { choice: "friend" }, csat: 5 } });
    expect(rows[0]!.page_url).toContain(shop.origin);

    await tab.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await tab.goto(shop.origin);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await tab.locator("ckm-survey").count()).toBe(0);
    await tab.close();
  });

  it("shows nothing on an origin the tenant has not allowed, and that page cannot post", async () => {
    const tab = await browser.newPage();
    await tab.goto(stranger.origin);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await tab.locator("ckm-survey").count()).toBe(0);
    const responseId = crypto.randomUUID();
    const outcome = await tab.evaluate(
      async ({ worker, key, surveyId, responseId }) => {
        try {
          const res = await fetch(`${worker}/v1/widget/responses/${responseId}`, {
            method: "PUT",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body: JSON.stringify({ surveyId, version: 1, visitorId: "stranger-visitor", language: "en", answers: { nps: 0 }, complete: false, startedAt: new Date(Date.now() - 60_000).toISOString() }),
          });
          return `answered ${res.status}`;
        } catch {
          return "blocked";
        }
      },
      { worker: inject("workerUrl"), key, surveyId, responseId },
    );
    expect(outcome).toBe("blocked");
    expect(await query("select 1 from survey_responses where id = $1", [responseId])).toHaveLength(0);
    await tab.close();
  });

  it("serves a shareable link page on the Worker's own origin that shows the survey, centred, under a strict policy", async () => {
    const tab = await browser.newPage();
    const violations: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error") violations.push(message.text());
    });
    const response = await tab.goto(`${inject("workerUrl")}/s/${surveyId}?key=${key}&lang=en`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    const dialog = tab.locator("ckm-survey [role=dialog]");
    await dialog.waitFor({ state: "visible", timeout: 15_000 });
    const box = (await dialog.boundingBox())!;
    const viewport = tab.viewportSize()!;
    expect(Math.abs(box.x + box.width / 2 - viewport.width / 2)).toBeLessThan(2);
    await tab.screenshot({ path: `${ARTIFACTS}widget-hosted-link.png` });
    await tab.keyboard.press("Space");
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await tabTo(tab, "Next");
    await tab.keyboard.press("Enter");
    await expect.poll(() => dialog.locator("legend").textContent()).toBe("What went wrong?");
    await tab.keyboard.type("The parcel came late");
    await tabTo(tab, "Next");
    await tab.keyboard.press("Enter");
    await tabTo(tab, "Next");
    await tab.keyboard.press("Enter");
    await tab.keyboard.press("Space");
    await tabTo(tab, "Send");
    await tab.keyboard.press("Enter");
    await dialog.locator("[role=status]").waitFor();
    const rows = await query<{ answers: Record<string, unknown> }>("select answers from survey_responses where survey_id = $1 and status = 'complete' and customer_id is null", [surveyId]);
    expect(rows.map((row) => row.answers)).toContainEqual({ nps: 0, why: "The parcel came late", csat: 1 });
    expect(violations).toEqual([]);
    await tab.close();
  });
});
