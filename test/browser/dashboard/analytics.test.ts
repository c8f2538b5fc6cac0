import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { query } from "../api.ts";
import { launchChromium } from "../chromium.ts";
import { importRetailSubset, runThroughApi, waitingRun } from "./analytics-seed.ts";
import { dashboardUrl, expectAccessible, loggedInOwner, openDashboard, screenshot, settled } from "./harness.ts";

const chromium = inject("chromium");

/** The card holding one chart, by the chart's file name. */
const chartCard = (page: Page, name: string): Locator => page.locator("section.card", { has: page.locator(`[data-chart="${name}"]`) });

async function expectDrawn(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.locator(`[data-chart="${name}"]`).getAttribute("data-ready"), { timeout: 30_000 }).toBe("true");
}

async function downloaded(page: Page, card: Locator, button: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: button }).click()]);
  return readFileSync((await download.path())!);
}

describe.skipIf(!chromium)("analytics: running segmentation and reading its charts", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("follows a run's progress across a reload, then draws the RFM grid, exports it, and shows every section", { timeout: 600_000 }, async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard, "Lantern Gifts Ltd");
    await importRetailSubset(owner.token);

    // The import asked for a run that waits out its debounce: its page shows it waiting, reload or not.
    const waiting = await waitingRun(owner.token);
    await page.goto(dashboardUrl(`/analytics?run=${waiting.id}`));
    const progress = page.getByRole("progressbar", { name: "Segmentation progress" });
    await expect.poll(() => progress.getAttribute("aria-valuetext")).toMatch(/^Waiting for more data until/);
    await page.reload();
    await expect.poll(() => progress.getAttribute("aria-valuetext")).toMatch(/^Waiting for more data until/);
    await expect.poll(() => page.getByRole("heading", { name: "Segmentation run: Queued" }).count()).toBe(1);

    // A first run at mid-year gives the one started below something to compare with.
    const first = await runThroughApi(owner.token, "2011-06-30T23:59:59Z");
    expect(first.id).toBe(waiting.id);

    await page.goto(dashboardUrl("/analytics"));
    await settled(page);
    await expect.poll(() => page.getByLabel("Segmentation run").inputValue()).toBe(first.id);
    await page.getByRole("button", { name: "Run segmentation" }).click();
    await page.getByLabel("As of (optional)").fill("2011-12-09");
    await page.getByRole("button", { name: "Start the run" }).click();
    await page.waitForURL(/\/analytics\?run=[0-9a-f-]{36}$/);
    const runId = new URL(page.url()).searchParams.get("run")!;
    expect(runId).not.toBe(first.id);
    await expect.poll(() => progress.count()).toBe(1);
    const shown = await page.locator(".run-progress h2").textContent();
    expect(shown).toMatch(/^Segmentation run: (Queued|Running)$/);
    await screenshot(page, "analytics-progress");
    const [asOf] = await query<{ as_of: Date }>("SELECT as_of FROM segmentation_runs WHERE id = $1", [runId]);
    expect(asOf!.as_of.toISOString()).toBe("2011-12-09T23:59:59.999Z");

    // Done: the page turns into the run's charts by itself.
    await expectDrawn(page, "rfm-grid");
    const [{ scored }] = (await query<{ scored: number }>("SELECT count(*)::int AS scored FROM customer_scores WHERE run_id = $1", [runId])) as [{ scored: number }];
    expect(scored).toBeGreaterThan(300);
    const heatmap = chartCard(page, "rfm-grid");
    const cells = await heatmap.locator(".visually-hidden tbody tr").evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll("td"), (cell) => cell.textContent ?? "")));
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.reduce((sum, cell) => sum + Number(cell[2]), 0)).toBe(scored);
    await expect.poll(() => page.getByText(`Charts below cover all ${scored} scored customers.`).count()).toBe(1);

    const csv = (await downloaded(page, heatmap, "Download CSV")).toString("utf8");
    const [header, ...lines] = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(header).toBe("Recency score,Frequency score,Customers,Average spend (GBP)");
    expect(lines.reduce((sum, line) => sum + Number(line.split(",")[2]), 0)).toBe(scored);
    const png = await downloaded(page, heatmap, "Download PNG");
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(5_000);

    await expectDrawn(page, "segment-sizes");
    await expectDrawn(page, "segment-migration");
    const moved = await chartCard(page, "segment-migration").locator(".visually-hidden tbody tr td:nth-child(3)").allTextContents();
    const [{ compared }] = (await query<{ compared: number }>(
      "SELECT count(*)::int AS compared FROM customer_scores c JOIN customer_scores p ON p.customer_id = c.customer_id AND p.run_id = $2 WHERE c.run_id = $1",
      [runId, first.id],
    )) as [{ compared: number }];
    expect(moved.reduce((sum, n) => sum + Number(n), 0)).toBe(compared);
    await expectAccessible(page, "analytics: RFM");
    await screenshot(page, "analytics-rfm");

    // Reloading keeps the same run, now finished.
    await page.reload();
    await expectDrawn(page, "rfm-grid");
    expect(await page.getByLabel("Segmentation run").inputValue()).toBe(runId);

    await page.getByRole("link", { name: "Value and churn" }).click();
    await expectDrawn(page, "clv-distribution");
    const valuable = page.locator("section.card", { has: page.getByRole("heading", { name: "Most valuable customers" }) });
    await expect.poll(() => valuable.locator("tbody tr a[href^='/customers/']").count()).toBe(15);
    const [{ best }] = (await query<{ best: string }>("SELECT customer_id::text AS best FROM customer_scores WHERE run_id = $1 AND clv_minor IS NOT NULL ORDER BY clv_minor DESC LIMIT 1", [runId])) as [{ best: string }];
    expect(await valuable.locator("tbody tr a").first().getAttribute("href")).toBe(`/customers/${best}`);
    const [identity] = await query<{ platform: string; external_id: string }>("SELECT platform, external_id FROM customer_identities WHERE customer_id = $1", [best]);
    await expect.poll(() => valuable.locator("tbody tr a").first().textContent()).toBe(`${identity!.platform} ${identity!.external_id}`);
    const risky = page.locator("section.card", { has: page.getByRole("heading", { name: "Highest churn risk" }) });
    await expect.poll(() => risky.locator("tbody tr a[href^='/customers/']").count()).toBe(15);
    await settled(page);
    await expectAccessible(page, "analytics: value and churn");
    await screenshot(page, "analytics-value");

    await page.getByRole("link", { name: "Clusters" }).click();
    await expectDrawn(page, "clusters-pca");
    const [{ k }] = (await query<{ k: number }>("SELECT (model->'clustering'->>'k')::int AS k FROM segmentation_runs WHERE id = $1", [runId])) as [{ k: number }];
    expect(await page.locator(".cluster-card").count()).toBe(k);
    await expectAccessible(page, "analytics: clusters");
    await screenshot(page, "analytics-clusters");

    await page.getByRole("link", { name: "Loyalty and products" }).click();
    await expectDrawn(page, "loyalty-quadrant");
    const rules = page.locator("section.card", { has: page.getByRole("heading", { name: "Frequently bought together" }) });
    const [{ rulesKept }] = (await query<{ rulesKept: number }>(`SELECT jsonb_array_length(model->'rules'->'rules')::int AS "rulesKept" FROM segmentation_runs WHERE id = $1`, [runId])) as [{ rulesKept: number }];
    await expect.poll(() => rules.locator("tbody tr").count()).toBe(rulesKept === 0 ? 1 : Math.min(25, rulesKept));
    await expect.poll(() => page.getByText("No published survey").count()).toBe(1);
    await settled(page);
    await expectAccessible(page, "analytics: loyalty and products");
    await screenshot(page, "analytics-loyalty");

    await page.getByRole("link", { name: "Model diagnostics" }).click();
    const bgNbd = page.locator("section.card", { has: page.getByRole("heading", { name: "BG/NBD (purchases and P(alive))" }) });
    await expect.poll(() => bgNbd.locator(".chip").textContent()).toBe("Fitted");
    const [{ alpha }] = (await query<{ alpha: number }>("SELECT (model->'bgNbd'->'params'->>'alpha')::float8 AS alpha FROM segmentation_runs WHERE id = $1", [runId])) as [{ alpha: number }];
    expect(await bgNbd.getByText("α (purchase rate scale, per week)").locator("xpath=following-sibling::dd").textContent()).toBe(alpha.toLocaleString("en-GB", { maximumSignificantDigits: 4 }));
    await expectAccessible(page, "analytics: diagnostics");
    await screenshot(page, "analytics-diagnostics");

    // A tablet's width: the sections stack, nothing scrolls sideways.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByRole("link", { name: "RFM", exact: true }).click();
    await expectDrawn(page, "rfm-grid");
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "analytics-rfm-tablet");

    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });
});
