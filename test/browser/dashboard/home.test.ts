import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "../api.ts";
import { launchChromium } from "../chromium.ts";
import { dashboardUrl, expectAccessible, loggedInOwner, openDashboard, screenshot, settled } from "./harness.ts";

const chromium = inject("chromium");

describe.skipIf(!chromium)("the home page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("tells a new tenant honestly to import its first customers", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    await loggedInOwner(dashboard, "Empty Shelf Ltd");
    await page.goto(dashboardUrl("/"));
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Home");
    const action = page.getByRole("link", { name: "Import your first customers" });
    await expect.poll(() => action.count()).toBe(1);
    expect(await action.getAttribute("href")).toBe("/imports");
    expect(await page.locator("[data-stat]").count()).toBe(0);
    await expectAccessible(page, "home, empty");
    await screenshot(page, "home-empty");
    await action.click();
    await page.waitForURL(dashboardUrl("/imports"));
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("shows the customers count and the revenue in the tenant's currency, with recent changes", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard, "Harbour Books");
    const token = owner.token;
    await api("PATCH", "/v1/settings", { token, body: { currency: "USD" } });
    const people = ["Ada Lovelace", "Grace Hopper", "Katherine Johnson", "Mary Jackson"];
    const ids: string[] = [];
    for (const [index, name] of people.entries()) {
      const created = await api<{ id: string }>("POST", "/v1/customers", { token, body: { name, email: `reader${index}@example.com` } });
      ids.push(created.id);
    }
    // In cents: 2 x 12.50 + 40.00, then 199.99, then 5.25 x 4; one refund of 10.00.
    const orders = [
      { customerId: ids[0], lines: [{ title: "Atlas", quantity: 2, unitPrice: 1250 }, { title: "Globe", quantity: 1, unitPrice: 4000 }] },
      { customerId: ids[1], lines: [{ title: "Encyclopaedia", quantity: 1, unitPrice: 19999 }] },
      { customerId: ids[2], lines: [{ title: "Bookmark", quantity: 4, unitPrice: 525 }] },
    ];
    const made: string[] = [];
    for (const [index, order] of orders.entries()) {
      const created = await api<{ id: string }>("POST", "/v1/orders", { token, body: { ...order, currency: "USD", orderedAt: new Date(Date.now() - (index + 1) * 86_400_000).toISOString() } });
      made.push(created.id);
    }
    await api("POST", `/v1/orders/${made[1]}/refunds`, { token, body: { amount: 1000, reason: "damaged" } });
    const net = (2500 + 4000 + 19999 + 2100 - 1000) / 100;

    await page.goto(dashboardUrl("/"));
    await settled(page);
    await expect.poll(() => page.locator('[data-stat="customers"]').textContent()).toBe("4");
    const revenue = new Intl.NumberFormat("en-GB", { style: "currency", currency: "USD" }).format(net);
    expect(revenue).toBe("US$275.99");
    await expect.poll(() => page.locator('[data-stat="revenue"]').textContent()).toBe(revenue);
    expect(await page.getByText("3 orders from 3 customers").count()).toBe(1);
    const changes = page.getByRole("table", { name: "The latest changes in your company's data" });
    await expect.poll(() => changes.getByRole("row").filter({ hasText: "refunded an order" }).count()).toBe(1);
    expect(await changes.getByRole("row").filter({ hasText: "added a customer" }).first().textContent()).toContain("Olive Owner");
    expect(await page.getByText("Segments appear after the first segmentation run", { exact: false }).count()).toBe(1);
    expect(await page.getByText("Nothing is running right now.").count()).toBe(1);
    await expectAccessible(page, "home, with data");
    await screenshot(page, "home-with-data");

    await page.getByLabel("Language").selectOption("zh-CN");
    await page.reload();
    await settled(page);
    const inChinese = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "USD" }).format(net);
    await expect.poll(() => page.locator('[data-stat="revenue"]').textContent()).toBe(inChinese);
    await screenshot(page, "home-with-data-zh");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });
});
