import type { Browser } from "playwright-core";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api, query } from "../api.ts";
import { launchChromium } from "../chromium.ts";
import { dashboardUrl, expectAccessible, loggedInOwner, openDashboard, screenshot, settled, type Dashboard } from "./harness.ts";

const chromium = inject("chromium");

type Customer = { id: string; name: string | null };

async function createCustomer(token: string, body: Record<string, unknown>): Promise<Customer> {
  return api<Customer>("POST", "/v1/customers", { token, body });
}

async function createOrder(token: string, customerId: string, unitPrice: number, daysAgo: number): Promise<void> {
  await api("POST", "/v1/orders", {
    token,
    body: { customerId, currency: "GBP", orderedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), lines: [{ title: "Jasmine tea", quantity: 1, unitPrice }] },
  });
}

/** Waits for a value as a loaded machine may take a while to render it. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const rows = (dashboard: Dashboard) => dashboard.page.locator("table.table tbody tr");
const firstName = (dashboard: Dashboard) => rows(dashboard).first().locator("td").first().textContent();

describe.skipIf(!chromium)("customers: the list, one customer, merging duplicates, erasing", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("searches as you type with the query in the address, pages forward and back, and keeps the chosen columns", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => createCustomer(owner.token, { name: `Customer ${String(batch * 5 + i + 1).padStart(2, "0")}`, city: "York", country: "GB" })),
      );
    }
    await createCustomer(owner.token, { name: "Zelda Quartermaine", email: "zelda@example.com", city: "Bath", country: "GB", tags: ["vip"] });

    await page.goto(dashboardUrl("/customers"));
    await settled(page);
    await eventually(() => rows(dashboard).count()).toBe(25);
    await expectAccessible(page, "customer list");
    await screenshot(page, "customers-list");

    await page.getByLabel("Search customers").pressSequentially("zeld", { delay: 40 });
    await eventually(() => page.url()).toContain("q=zeld");
    await eventually(() => rows(dashboard).count()).toBe(1);
    expect(await firstName(dashboard)).toBe("Zelda Quartermaine");
    await page.reload();
    await settled(page);
    expect(await page.getByLabel("Search customers").inputValue()).toBe("zeld");
    await eventually(() => firstName(dashboard)).toBe("Zelda Quartermaine");

    await page.getByLabel("Search customers").fill("");
    await eventually(() => page.url()).not.toContain("q=");
    await eventually(() => rows(dashboard).count()).toBe(25);
    const pageOneFirst = await firstName(dashboard);
    await page.getByRole("button", { name: "Next" }).click();
    await eventually(() => page.url()).toContain("cursor=");
    await eventually(() => rows(dashboard).count()).toBe(6);
    await eventually(() => page.getByText("Page 2", { exact: true }).count()).toBe(1);
    expect(await firstName(dashboard)).not.toBe(pageOneFirst);
    await eventually(() => page.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Previous" }).click();
    await eventually(() => rows(dashboard).count()).toBe(25);
    expect(await firstName(dashboard)).toBe(pageOneFirst);
    expect(page.url()).not.toContain("cursor=");

    await page.locator("summary", { hasText: "Columns" }).click();
    const picker = page.getByRole("group", { name: "Columns to show" });
    await picker.getByLabel("Phone").uncheck();
    await picker.getByLabel("City").check();
    await page.reload();
    await settled(page);
    await eventually(() => page.getByRole("columnheader", { name: "City" }).count()).toBe(1);
    expect(await page.getByRole("columnheader", { name: "Phone" }).count()).toBe(0);

    await page.locator("summary", { hasText: "Filters" }).click();
    await page.getByRole("textbox", { name: "Tags" }).fill("vip");
    await page.getByRole("textbox", { name: "Tags" }).press("Enter");
    await eventually(() => page.url()).toContain("tags=vip");
    await eventually(() => rows(dashboard).count()).toBe(1);
    await page.getByRole("button", { name: "Save view" }).click();
    await page.getByLabel("View name").fill("VIPs");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.goto(dashboardUrl("/customers"));
    await eventually(() => rows(dashboard).count()).toBe(25);
    await page.getByLabel("Saved views").selectOption({ label: "VIPs" });
    await eventually(() => page.url()).toContain("tags=vip");
    await eventually(() => firstName(dashboard)).toBe("Zelda Quartermaine");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toContain("Zelda Quartermaine");
    expect(csv).not.toContain("Customer 01");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("creates a customer from the form, showing the API's complaint beside the field first", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    await page.goto(dashboardUrl("/customers"));
    await page.getByRole("link", { name: "New customer" }).click();
    await page.waitForURL(dashboardUrl("/customers/new"));
    await settled(page);
    await page.getByLabel("Name").fill("Charles Babbage");
    await page.getByLabel("Phone").fill("12");
    await page.getByLabel("Country").fill("United Kingdom");
    await page.getByRole("button", { name: "Create customer" }).click();
    await eventually(() => page.getByLabel("Phone").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "new customer with a problem");
    await screenshot(page, "customer-new-invalid");
    expect(await query("SELECT 1 FROM customers WHERE tenant_id = $1", [owner.tenantId])).toHaveLength(0);
    await page.getByLabel("Phone").fill("+44 7911 123456");
    await page.getByRole("button", { name: "Create customer" }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Charles Babbage");
    expect(await query("SELECT display_name, phone, country FROM customers WHERE tenant_id = $1", [owner.tenantId])).toEqual([{ display_name: "Charles Babbage", phone: "+447911123456", country: "GB" }]);
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("opens a customer, adds a tag and edits a field, showing the field's problem first", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    const ada = await createCustomer(owner.token, { name: "Ada Lovelace", email: "ada@example.com", phone: "+447911123100", city: "London", country: "GB", company: "Analytical Engines" });
    await createOrder(owner.token, ada.id, 1250, 40);
    await createOrder(owner.token, ada.id, 3999, 5);

    await page.goto(dashboardUrl("/customers"));
    await page.getByRole("link", { name: "Ada Lovelace" }).click();
    await page.waitForURL(dashboardUrl(`/customers/${ada.id}`));
    await settled(page);
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ada Lovelace");
    const orders = page.getByRole("table", { name: "The customer's orders" });
    await eventually(() => orders.getByText("£39.99").count()).toBe(1);
    expect(await orders.getByText("£12.50").count()).toBe(1);
    expect(await page.getByText("Not scored yet").count()).toBe(1);

    await page.getByLabel("Add tags").fill("vip, tea lover");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await eventually(async () => (await query<{ tags: string[] }>("SELECT tags FROM customers WHERE id = $1", [ada.id]))[0]?.tags).toEqual(["vip", "tea lover"]);
    await eventually(() => page.getByRole("button", { name: "Remove tag tea lover" }).count()).toBe(1);
    await expectAccessible(page, "customer page");
    await screenshot(page, "customer-page");

    await page.getByRole("link", { name: "Edit profile" }).click();
    await page.waitForURL(dashboardUrl(`/customers/${ada.id}/edit`));
    await page.getByLabel("Email", { exact: true }).fill("not an email");
    await page.getByLabel("City").fill("Leeds");
    await page.getByRole("button", { name: "Save changes" }).click();
    await eventually(() => page.getByLabel("Email", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".field-error").count()).toBeGreaterThan(0);
    expect((await query<{ city: string }>("SELECT city FROM customers WHERE id = $1", [ada.id]))[0]?.city).toBe("London");

    await page.getByLabel("Email", { exact: true }).fill("ada@example.com");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(dashboardUrl(`/customers/${ada.id}`));
    await eventually(async () => (await query<{ city: string }>("SELECT city FROM customers WHERE id = $1", [ada.id]))[0]?.city).toBe("Leeds");
    await eventually(() => page.getByText("City: London → Leeds").count()).toBe(1);
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("merges two duplicates through the side-by-side view, taking the duplicate's phone, and undoes it", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    const kept = await createCustomer(owner.token, { name: "Grace Hopper", email: "grace@example.com", phone: "+447911123111", city: "Arlington", tags: ["navy"] });
    const duplicate = await createCustomer(owner.token, { name: "Grace B. Hopper", email: "grace@example.com", phone: "+447911123222", company: "Remington Rand", tags: ["cobol"] });
    await createOrder(owner.token, duplicate.id, 5000, 10);
    const count = async () => (await query<{ n: number }>("SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1 AND email = 'grace@example.com'", [owner.tenantId]))[0]?.n;

    await page.goto(dashboardUrl("/customers"));
    await page.getByRole("link", { name: "Find duplicates" }).click();
    await page.waitForURL(dashboardUrl("/customers/duplicates"));
    await eventually(() => page.getByText("Same email").count()).toBe(1);
    await expectAccessible(page, "duplicates");
    await page.getByRole("link", { name: "Compare and merge Grace Hopper and Grace B. Hopper" }).click();
    await page.waitForURL(/\/customers\/merge\?survivor=/);
    expect(page.url()).toContain(`survivor=${kept.id}`);
    await settled(page);
    await page.getByRole("radio", { name: /use this Phone instead/ }).check();
    await eventually(() => page.locator("table.merge-table").getByText("Remington Rand").count()).toBe(2);
    await expectAccessible(page, "merge view");
    await screenshot(page, "customers-merge");

    await page.getByRole("button", { name: "Merge into Grace Hopper" }).click();
    await eventually(() => page.getByText("Merged", { exact: true }).count()).toBe(1);
    expect(page.url()).toContain("merge=");
    expect(await count()).toBe(1);
    const [after] = await query<{ phone: string; company: string; tags: string[] }>("SELECT phone, company, tags FROM customers WHERE id = $1", [kept.id]);
    expect(after).toEqual({ phone: "+447911123222", company: "Remington Rand", tags: ["navy", "cobol"] });
    expect(await query("SELECT 1 FROM orders WHERE customer_id = $1", [kept.id])).toHaveLength(1);

    await page.getByRole("button", { name: "Undo merge" }).click();
    await eventually(() => page.getByText(/merge was undone/).count()).toBe(1);
    expect(await count()).toBe(2);
    expect((await query<{ phone: string }>("SELECT phone FROM customers WHERE id = $1", [kept.id]))[0]?.phone).toBe("+447911123111");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("erases a customer only once their name is typed, then shows the erased record", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    const ellen = await createCustomer(owner.token, { name: "Ellen Ripley", email: "ellen@example.com", tags: ["crew"] });
    await createOrder(owner.token, ellen.id, 2000, 3);

    await page.goto(dashboardUrl(`/customers/${ellen.id}`));
    await settled(page);
    await page.getByRole("button", { name: "Erase…" }).click();
    const dialog = page.getByRole("dialog");
    const confirm = dialog.getByRole("button", { name: "Erase for good" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Type their name, Ellen Ripley, to confirm").fill("Ellen");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Type their name, Ellen Ripley, to confirm").fill("Ellen Ripley");
    await confirm.click();
    await eventually(() => page.getByText("This person's data was erased").count()).toBe(1);
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Erased customer");
    const [row] = await query<{ display_name: string | null; email: string | null; tags: string[]; erased: boolean }>(
      "SELECT display_name, email, tags, erased_at IS NOT NULL AS erased FROM customers WHERE id = $1",
      [ellen.id],
    );
    expect(row).toEqual({ display_name: null, email: null, tags: [], erased: true });
    expect(await query("SELECT 1 FROM orders WHERE customer_id = $1", [ellen.id])).toHaveLength(1);
    expect(await page.getByRole("button", { name: "Erase…" }).count()).toBe(0);
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("lays the list, a customer and the merge view out for a tablet", async () => {
    const dashboard = await openDashboard(browser, { viewport: { width: 820, height: 1180 } });
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    const first = await createCustomer(owner.token, { name: "Tablet Tess", email: "tess@example.com", company: "A very long company name that wraps on a tablet", tags: ["one", "two"] });
    const second = await createCustomer(owner.token, { name: "Tess Tablet", email: "tess@example.com" });
    await createOrder(owner.token, first.id, 1500, 2);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const [path, name] of [
      ["/customers", "customers-list-tablet"],
      [`/customers/${first.id}`, "customer-page-tablet"],
      [`/customers/merge?survivor=${first.id}&duplicate=${second.id}`, "customers-merge-tablet"],
    ] as const) {
      await page.goto(dashboardUrl(path));
      await settled(page);
      await eventually(() => page.getByText("Tablet Tess").count()).toBeGreaterThan(0);
      expect(await overflow(), path).toBeLessThanOrEqual(0);
      await screenshot(page, name);
    }
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("shows the customer page in Chinese", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    const mei = await createCustomer(owner.token, { name: "林美", email: "mei@example.com", city: "上海", country: "中国", tags: ["茶友"] });
    await createOrder(owner.token, mei.id, 8800, 12);
    await page.evaluate(() => localStorage.setItem("ckm.language", "zh-CN"));
    await page.goto(dashboardUrl(`/customers/${mei.id}`));
    await settled(page);
    await eventually(() => page.getByRole("heading", { name: "基本资料" }).count()).toBe(1);
    expect(await page.getByText("尚未评分").count()).toBe(1);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("林美");
    await expectAccessible(page, "customer page in Chinese");
    await screenshot(page, "customer-page-zh");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });
});
