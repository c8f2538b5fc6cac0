import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { query } from "../api.ts";
import { launchChromium } from "../chromium.ts";
import { dashboardUrl, expectAccessible, loggedInOwner, openDashboard, screenshot, settled } from "./harness.ts";

const chromium = inject("chromium");
const SAMPLE = new URL("../../../../shared/data/online-retail-sample.csv", import.meta.url).pathname;

/** The UCI file's columns and the fields they fill, as the upload should suggest them. */
const MAPPING: Record<string, string> = {
  InvoiceNo: "orderId",
  StockCode: "sku",
  Description: "title",
  Quantity: "quantity",
  InvoiceDate: "orderedAt",
  UnitPrice: "unitPrice",
  CustomerID: "externalId",
  Country: "country",
};

const count = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

describe.skipIf(!chromium)("importing the UCI Online Retail sample through the dashboard", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("downloads the template, uploads, maps, dry-runs, runs with live progress that survives a reload, and reports what the database holds", { timeout: 420_000 }, async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard, "Online Retail Ltd");
    await page.goto(dashboardUrl("/imports"));
    await settled(page);
    await expect.poll(() => page.locator(".import-columns li").count()).toBeGreaterThan(20);
    await expectAccessible(page, "import steps");
    await screenshot(page, "import-steps");

    const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the template" }).click()]);
    expect(template.suggestedFilename()).toBe("ckm-import-template.csv");
    const firstLine = readFileSync((await template.path())!, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/)[0]!;
    expect(firstLine).toMatch(/^External ID,Email,Phone,Name,/);
    expect(firstLine.split(",")).toContain("Unit price");

    await page.getByLabel("CSV file").setInputFiles(SAMPLE);
    await expect.poll(() => page.getByTestId("chosen-file").textContent()).toMatch(/^online-retail-sample\.csv, 3\.4 MB$/);
    await page.getByRole("button", { name: "Upload and match columns" }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const importId = page.url().split("/").at(-1)!;

    for (const [column, field] of Object.entries(MAPPING)) {
      const select = page.getByLabel(`Field for column ${column}`);
      if ((await select.inputValue()) !== field) await select.selectOption(field);
      expect(await select.inputValue()).toBe(field);
    }
    await page.getByLabel("Currency of the amounts").fill("GBP");
    await page.getByLabel("Time zone of the dates").fill("Europe/London");
    await expectAccessible(page, "import mapping");
    await screenshot(page, "import-mapping");
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect.poll(() => query("SELECT options->>'currency' AS currency, options->>'timeZone' AS zone FROM imports WHERE id = $1", [importId])).toEqual([{ currency: "GBP", zone: "Europe/London" }]);

    const counts = page.getByTestId("dry-run-counts");
    await expect.poll(() => counts.textContent(), { timeout: 120_000 }).toContain("Rows read40,000");
    expect(await counts.textContent()).toContain("Rows ready to import39,913");
    expect(await counts.textContent()).toContain("Rows with problems87");
    const problems = page.getByRole("table", { name: "Problems found by the dry run" });
    await expect.poll(() => problems.getByRole("row").count()).toBe(88);
    expect(await problems.getByRole("row").filter({ hasText: "at most 2 decimals" }).count()).toBeGreaterThan(0);
    const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download problems.csv" }).click()]);
    expect(readFileSync((await report.path())!, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("row,column,problem");
    await expectAccessible(page, "dry run report");
    await screenshot(page, "import-dry-run");

    await page.getByRole("button", { name: "Import 39,913 rows" }).click();
    const bar = page.getByRole("progressbar", { name: "Importing rows" });
    const seen: number[] = [];
    // The running state first (the bar at its start), then, while it lasts, values as it moves.
    await expect.poll(() => bar.getAttribute("aria-valuenow", { timeout: 1_000 }).catch(() => null), { timeout: 30_000 }).not.toBeNull();
    seen.push(Number(await bar.getAttribute("aria-valuenow")));
    expect(await page.locator(".chip", { hasText: "Importing" }).count()).toBe(1);
    expect(await query("SELECT status FROM imports WHERE id = $1", [importId])).toEqual([{ status: "running" }]);
    expect(await page.locator(`.jobs-indicator a[href="/imports/${importId}"]`).count()).toBe(1);
    await screenshot(page, "import-progress");
    await expectAccessible(page, "import progress");
    for (let sample = 0; sample < 20 && !seen.some((now) => now > 0 && now < 100); sample++) {
      const value = await bar.getAttribute("aria-valuenow", { timeout: 500 }).catch(() => null);
      if (value === null) break;
      seen.push(Number(value));
      await page.waitForTimeout(250);
    }
    const before = Math.max(...seen);
    expect(before).toBeLessThan(100);
    const statusAtReload = (await query<{ status: string }>("SELECT status FROM imports WHERE id = $1", [importId]))[0]?.status;
    await page.reload();
    if (statusAtReload === "running") {
      await expect.poll(() => bar.getAttribute("aria-valuenow", { timeout: 1_000 }).catch(() => null), { timeout: 15_000 }).not.toBeNull();
      expect(Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(before);
    }
    console.info(`import progress seen: ${seen.join(", ")}; status at reload: ${statusAtReload}`);

    const created = page.locator('[data-count="created"]');
    await expect.poll(() => created.count(), { timeout: 300_000, interval: 1_000 }).toBe(1);
    const measure = async (key: string) => count(await page.locator(`[data-measure="${key}"]`).textContent());
    const report1 = { rows: await measure("rows"), created: await measure("created"), updated: await measure("updated"), orderLines: await measure("orderLines"), refunds: await measure("refunds"), skipped: await measure("skipped") };
    expect(report1).toEqual({ rows: 40000, created: 3609, updated: 0, orderLines: 39136, refunds: 777, skipped: 87 });
    const [customers] = await query<{ n: number }>("SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1", [owner.tenantId]);
    const [lines] = await query<{ n: number }>("SELECT count(*)::int AS n FROM order_lines WHERE tenant_id = $1", [owner.tenantId]);
    const [refunds] = await query<{ n: number }>("SELECT count(*)::int AS n FROM refunds WHERE tenant_id = $1", [owner.tenantId]);
    expect({ customers: customers!.n, orderLines: lines!.n, refunds: refunds!.n }).toEqual({ customers: report1.created + report1.updated, orderLines: report1.orderLines, refunds: report1.refunds });
    await expect.poll(() => page.locator(`.jobs-indicator a[href="/imports/${importId}"]`).count(), { timeout: 10_000 }).toBe(0);
    await expectAccessible(page, "import result");
    await screenshot(page, "import-result");

    await page.getByRole("link", { name: "Import another file" }).click();
    await page.waitForURL(dashboardUrl("/imports"));
    const recent = page.getByRole("table", { name: "Recent imports, newest first" });
    await expect.poll(() => recent.getByRole("row").filter({ hasText: "online-retail-sample.csv" }).textContent(), { timeout: 10_000 }).toContain("Imported");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });
});
