import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { query } from "../api.ts";
import { launchChromium } from "../chromium.ts";
import { dashboardUrl, openDashboard, PASSWORD, screenshot } from "./harness.ts";

const chromium = inject("chromium");
const SAMPLE = new URL("../../../../shared/data/online-retail-sample.csv", import.meta.url).pathname;

/**
 * The first journey, end to end as a new tenant lives it, each step through the screens:
 * sign up, set the shop's currency, import the UCI sample with the suggested mapping, watch it run, open one of the
 * imported customers from the list, run a segmentation and read the RFM heatmap.
 */
describe.skipIf(!chromium)("a new tenant's first hour: sign up, import, a customer, segmentation", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs up, imports the sample with progress, opens a customer, runs segmentation and sees the RFM heatmap", { timeout: 420_000 }, async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const email = `journey-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await page.goto(dashboardUrl("/signup"));
    await page.getByLabel("Company").fill("Journey Gifts Ltd");
    await page.getByLabel("Your name").fill("Jo Journey");
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(dashboardUrl("/"));
    const [{ tenant_id: tenantId }] = (await query<{ tenant_id: string }>("SELECT tenant_id FROM users WHERE email = $1", [email])) as [{ tenant_id: string }];

    // The shop sells in pounds: runs count orders in the tenant's currency.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Currency").selectOption("GBP");
    await page.getByLabel("Time zone").selectOption("Europe/London");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("Settings saved.").count()).toBe(1);
    expect(await query("SELECT currency, timezone FROM tenants WHERE id = $1", [tenantId])).toEqual([{ currency: "GBP", timezone: "Europe/London" }]);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
    await page.getByLabel("CSV file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "Upload and match columns" }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.getByLabel("Currency of the amounts").fill("GBP");
    await page.getByLabel("Time zone of the dates").fill("Europe/London");
    await page.getByRole("button", { name: "Check the file" }).click();
    const start = page.getByRole("button", { name: "Import 39,913 rows" });
    await expect.poll(() => start.count(), { timeout: 120_000 }).toBe(1);
    await start.click();
    const bar = page.getByRole("progressbar", { name: "Importing rows" });
    await expect.poll(() => bar.getAttribute("aria-valuenow", { timeout: 1_000 }).catch(() => null), { timeout: 30_000 }).not.toBeNull();
    await screenshot(page, "journey-import-progress");
    await expect.poll(() => page.locator('[data-count="created"]').count(), { timeout: 300_000, interval: 1_000 }).toBe(1);
    const [{ n: customers }] = (await query<{ n: number }>("SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1", [tenantId])) as [{ n: number }];
    expect(customers).toBe(3609);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
    const row = page.locator("tbody tr a[href^='/customers/']").first();
    await expect.poll(() => page.locator("tbody tr a[href^='/customers/']").count()).toBeGreaterThan(10);
    await row.click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    const customerId = page.url().split("/").at(-1)!;
    const [{ orders }] = (await query<{ orders: number }>("SELECT count(*)::int AS orders FROM orders WHERE customer_id = $1", [customerId])) as [{ orders: number }];
    expect(orders).toBeGreaterThan(0);
    await expect.poll(() => page.getByText("Not scored yet").count()).toBeGreaterThan(0);
    await screenshot(page, "journey-customer");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
    await page.getByRole("button", { name: "Run segmentation" }).click();
    await page.getByRole("button", { name: "Start the run" }).click();
    await page.waitForURL(/\/analytics\?run=[0-9a-f-]{36}$/);
    const runId = new URL(page.url()).searchParams.get("run")!;
    await expect.poll(() => page.getByRole("progressbar", { name: "Segmentation progress" }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-chart="rfm-grid"]').getAttribute("data-ready"), { timeout: 240_000, interval: 1_000 }).toBe("true");
    const [{ scored }] = (await query<{ scored: number }>("SELECT count(*)::int AS scored FROM customer_scores WHERE run_id = $1", [runId])) as [{ scored: number }];
    const [{ buyers }] = (await query<{ buyers: number }>("SELECT count(DISTINCT customer_id)::int AS buyers FROM orders WHERE tenant_id = $1 AND status <> 'cancelled'", [tenantId])) as [{ buyers: number }];
    expect(scored).toBe(buyers);
    const heatmap = page.locator("section.card", { has: page.locator('[data-chart="rfm-grid"]') });
    const cells = await heatmap.locator(".visually-hidden tbody tr").evaluateAll((rows) => rows.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")));
    expect(cells.reduce((sum, cell) => sum + Number(cell[2]), 0)).toBe(scored);
    await screenshot(page, "journey-rfm-heatmap");

    await page.goto(dashboardUrl(`/customers/${customerId}`));
    await expect.poll(() => page.getByText("Not scored yet").count()).toBe(0);
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });
});
