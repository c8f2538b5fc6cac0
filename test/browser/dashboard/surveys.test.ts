import { readFileSync } from "node:fs";
import type { Browser, Page as Tab } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api, query } from "../api.ts";
import { launchChromium } from "../chromium.ts";
import { servePage, type Page } from "../pages.ts";
import { dashboardUrl, expectAccessible, loggedInOwner, openDashboard, screenshot, settled } from "./harness.ts";

const chromium = inject("chromium");
const SHOP_PORT = 8862;

/** A tenant's shop on its own origin, embedding the widget from the Worker with the publishable key. */
function shopPage(key: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lantern Tea</title></head>
<body><h1>Lantern Tea</h1><p>Thanks for your order.</p>
<script>window.ckm = window.ckm || function () { (ckm.q = ckm.q || []).push(arguments); };</script>
<script src="${inject("workerUrl")}/widget.js" data-key="${key}" async></script>
</body></html>`;
}

/** A new visitor (fresh storage) answers the survey on the shop: the NPS score, then the open question. */
async function answerOnShop(browser: Browser, shop: Page, score: number, comment: string): Promise<void> {
  const context = await browser.newContext({ locale: "en-GB" });
  const tab = await context.newPage();
  await tab.goto(shop.origin);
  const dialog = tab.locator("ckm-survey [role=dialog]");
  await dialog.waitFor({ state: "visible", timeout: 15_000 });
  const shownAt = Date.now();
  await dialog.getByRole("radio", { name: String(score), exact: true }).check({ force: true });
  await dialog.getByRole("button", { name: "Next" }).click();
  await dialog.getByRole("textbox").fill(comment);
  // The API discards a response completed within 2 s of being shown, as a bot's would be.
  await tab.waitForTimeout(Math.max(0, 2_500 - (Date.now() - shownAt)));
  await dialog.getByRole("button", { name: "Send" }).click();
  await dialog.getByRole("status").waitFor();
  await context.close();
}

const stat = (page: Tab, label: string) => page.locator(".stat", { has: page.locator(".stat-label", { hasText: new RegExp(`^${label}$`) }) }).locator(".stat-value");

describe.skipIf(!chromium)("surveys: build, preview, publish, answer on a second origin, read the results", () => {
  let browser: Browser;
  let shop: Page;
  let key = "";
  beforeAll(async () => {
    browser = await launchChromium(chromium);
    shop = await servePage(SHOP_PORT, () => shopPage(key));
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it("builds a survey in the builder, previews the draft in the real widget, publishes it, and shows the NPS change as visitors answer", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard, "Lantern Tea House");

    await page.goto(dashboardUrl("/surveys"));
    await settled(page);
    await expect.poll(() => page.getByText("No surveys yet").count()).toBe(1);
    await page.getByRole("button", { name: "New survey" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill("After checkout");
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}\/edit$/);
    const surveyId = /surveys\/([0-9a-f-]{36})\/edit/.exec(page.url())![1]!;
    await settled(page);

    await page.getByLabel("Title (English)").fill("How did we do?");
    await page.getByLabel("Question (English)").fill("How likely are you to recommend Lantern Tea?");
    await page.getByLabel("New question type").selectOption("text");
    await page.getByRole("button", { name: "Add question" }).click();
    const second = page.locator("[data-question=text]");
    await second.getByLabel("Question (English)").fill("What could we do better?");
    await second.getByLabel("Question id").fill("nps");

    // A third question, moved up by keyboard and removed again: the order follows, focus stays on the moved question.
    await page.getByLabel("New question type").selectOption("csat");
    await page.getByRole("button", { name: "Add question" }).click();
    await page.getByRole("button", { name: "Move question 3 up" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("[data-question]").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-question")))).toEqual(["nps", "csat", "nps"]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/Move question 2 (up|down)/);
    await page.getByRole("button", { name: "Remove question 2" }).click();
    await expect.poll(() => page.locator("[data-question]").count()).toBe(2);

    // The API refuses the repeated id; its issue lands on the second question's id field.
    await page.getByRole("button", { name: "Save draft" }).click();
    const idField = page.locator(".question-card").nth(1).getByLabel("Question id");
    await expect.poll(() => idField.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".question-card").nth(1).locator(".field-error").first().textContent()).toContain("repeats the question id nps");
    await idField.fill("why");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => page.getByText("Draft saved.").count()).toBe(1);
    const [saved] = await query<{ draft: { questions: { id: string; type: string }[] }; status: string }>("select draft, status from surveys where id = $1", [surveyId]);
    expect(saved!.status).toBe("draft");
    expect(saved!.draft.questions.map((question) => [question.id, question.type])).toEqual([["nps", "nps"], ["why", "text"]]);
    await expectAccessible(page, "survey builder");
    await screenshot(page, "survey-builder");

    // The preview runs the real widget on the draft; answering it stores nothing.
    const preview = page.locator(".preview-stage ckm-survey [role=dialog]");
    await expect.poll(() => preview.locator("legend").textContent(), { timeout: 15_000 }).toBe("How likely are you to recommend Lantern Tea?");
    expect(await preview.locator("h2").textContent()).toBe("How did we do?");
    await preview.getByRole("radio", { name: "9", exact: true }).check({ force: true });
    await preview.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => preview.locator("legend").textContent()).toBe("What could we do better?");
    await page.locator(".preview-sent summary").click();
    expect(JSON.parse((await page.locator(".preview-sent pre").textContent())!)).toEqual({ nps: 9 });
    await expectAccessible(page, "survey preview");
    await screenshot(page, "survey-preview");

    await page.getByRole("button", { name: "Publish…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Publish version 1" }).click();
    await expect.poll(() => page.getByText("Published as version 1.").count()).toBe(1);
    expect(await query("select version, status from surveys where id = $1", [surveyId])).toEqual([{ version: 1, status: "published" }]);
    expect(await query("select count(*)::int as n from survey_responses where survey_id = $1", [surveyId])).toEqual([{ n: 0 }]);

    key = (await api<{ key: string }>("POST", "/v1/api-keys", { token: owner.token, body: { name: "Shop widget", kind: "publishable" } })).key;
    await api("PATCH", "/v1/settings", { token: owner.token, body: { allowedOrigins: [shop.origin] } });
    await page.reload();
    await settled(page);
    await expect.poll(() => page.locator(".snippet").first().textContent()).toContain(`data-key="${key}"`);
    expect(await page.locator(".origin-list").textContent()).toContain(shop.origin);
    expect(await page.locator(".snippet").nth(1).textContent()).toBe(`${inject("workerUrl")}/s/${surveyId}?key=${key}`);

    await page.getByRole("link", { name: "Results" }).click();
    await page.waitForURL(dashboardUrl(`/surveys/${surveyId}/results`));
    await settled(page);
    await expect.poll(() => page.getByText("No completed responses yet").count()).toBe(1);
    expect(await stat(page, "NPS").textContent()).toBe("–");

    await answerOnShop(browser, shop, 10, "Lovely tea, quick delivery");
    expect(await query("select status, answers, page_url from survey_responses where survey_id = $1", [surveyId])).toEqual([
      { status: "complete", answers: { nps: 10, why: "Lovely tea, quick delivery" }, page_url: `${shop.origin}/` },
    ]);
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => stat(page, "NPS").textContent()).toBe("100");
    expect(await stat(page, "Responses").textContent()).toBe("1");

    await answerOnShop(browser, shop, 0, "The delivery was slow");
    const rows = await query<{ answers: { nps: number } }>("select answers from survey_responses where survey_id = $1 and status = 'complete' order by completed_at", [surveyId]);
    expect(rows.map((row) => row.answers.nps)).toEqual([10, 0]);
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => stat(page, "NPS").textContent()).toBe("0");
    expect(await stat(page, "Responses").textContent()).toBe("2");
    expect(await page.locator(".stat", { hasText: "NPS" }).locator(".stat-detail").textContent()).toContain("1 promoters, 0 passives, 1 detractors");
    await expect.poll(() => page.locator(".tag-cloud li", { hasText: /^delivery$/ }).count()).toBe(1);
    await expect.poll(() => page.locator("[data-chart][data-ready=true]").count()).toBe(3);
    await expectAccessible(page, "survey results");
    await screenshot(page, "survey-results");

    // Filters go to the API: no answering customer is a Champion, every answer is in English.
    const filters = page.getByRole("group", { name: "Filters" });
    await filters.getByLabel("RFM segment").selectOption("Champions");
    await expect.poll(() => stat(page, "Responses").textContent()).toBe("0");
    await filters.getByLabel("RFM segment").selectOption("");
    await filters.getByLabel("Language").selectOption("en");
    await expect.poll(() => stat(page, "Responses").textContent()).toBe("2");
    expect(new URL(page.url()).searchParams.get("language")).toBe("en");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download responses (CSV)" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(csv[0]).toContain("nps,why");
    expect(csv).toHaveLength(3);

    await page.goto(dashboardUrl("/surveys"));
    await settled(page);
    const row = page.getByRole("row", { name: /After checkout/ });
    expect(await row.getByRole("cell").allTextContents()).toEqual(expect.arrayContaining(["Published", "v1", "2"]));
    await expectAccessible(page, "survey list");
    await screenshot(page, "survey-list");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("lays the builder out for a tablet", async () => {
    const dashboard = await openDashboard(browser, { viewport: { width: 820, height: 1180 } });
    const owner = await loggedInOwner(dashboard);
    const definition = {
      defaultLanguage: "en",
      languages: ["en", "zh-CN"],
      title: { en: "Your order" },
      questions: [
        { id: "nps", type: "nps", text: { en: "Would you recommend us?", "zh-CN": "您会推荐我们吗？" }, required: true },
        { id: "channel", type: "single", text: { en: "Where did you hear of us?" }, options: [{ id: "friend", label: { en: "A friend" } }], showIf: { questionId: "nps", anyOf: [9, 10] } },
      ],
      showing: { trigger: "delay", delaySeconds: 3, samplingPercent: 50, recontactDays: null },
      theme: { primary: "#1a56db", background: "#ffffff", text: "#111827", position: "center" },
    };
    const { id } = await api<{ id: string }>("POST", "/v1/surveys", { token: owner.token, body: { name: "Translated", definition } });
    await dashboard.page.goto(dashboardUrl(`/surveys/${id}/edit`));
    await settled(dashboard.page);
    await dashboard.page.getByRole("group", { name: "Editing texts in" }).getByRole("button", { name: /Chinese/ }).click();
    // The title, the second question and its option have no Chinese text yet.
    await expect.poll(() => dashboard.page.locator(".field-missing").count()).toBe(3);
    expect(await dashboard.page.getByLabel("Question (Chinese (China))").first().inputValue()).toBe("您会推荐我们吗？");
    const overflow = await dashboard.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(dashboard.page, "survey-builder-tablet");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });
});
