import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { query } from "../api.ts";
import { launchChromium } from "../chromium.ts";
import { dashboardUrl, expectAccessible, loggedInOwner, openDashboard, PASSWORD, screenshot, settled } from "./harness.ts";

const chromium = inject("chromium");

describe.skipIf(!chromium)("the dashboard's doors: sign up, log in, languages, sessions", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs a company up, showing the password policy's complaint next to the field first", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    await page.goto(dashboardUrl("/signup"));
    await expectAccessible(page, "sign up");
    await screenshot(page, "sign-up");
    const email = `new-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await page.getByLabel("Company").fill("Lantern Tea House");
    await page.getByLabel("Your name").fill("Mei Lin");
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    const password = page.getByLabel("Password");
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".field-error").count()).toBeGreaterThan(0);
    expect(await query("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(0);

    await password.fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(dashboardUrl("/"));
    await expect.poll(() => page.locator(".brand-tenant").textContent()).toBe("Lantern Tea House");
    expect(await query("SELECT role FROM users WHERE email = $1", [email])).toEqual([{ role: "owner" }]);
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("sends a deep link to log-in first, then to where it pointed; a wrong password is told plainly", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    await page.evaluate(() => localStorage.removeItem("ckm.session"));
    await page.goto(dashboardUrl("/customers?q=lin"));
    await page.waitForURL(/\/login\?next=/);
    await expectAccessible(page, "log in");
    await screenshot(page, "log-in");
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("do not match");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(dashboardUrl("/customers?q=lin"));
    await dashboard.close();
  });

  it("switches to Chinese and back, remembered for the user on the server", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    await page.goto(dashboardUrl("/"));
    await settled(page);
    await expectAccessible(page, "home");
    await page.getByLabel("Language").selectOption("zh-CN");
    await expect.poll(() => page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "客户", exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await expect.poll(async () => (await query<{ language: string }>("SELECT language FROM users WHERE email = $1", [owner.email]))[0]?.language).toBe("zh-CN");
    await screenshot(page, "home-zh");

    const elsewhere = await openDashboard(browser, { locale: "en-US" });
    await elsewhere.page.goto(dashboardUrl("/login"));
    await elsewhere.page.evaluate((session) => localStorage.setItem("ckm.session", session), await page.evaluate(() => localStorage.getItem("ckm.session")!));
    await elsewhere.page.goto(dashboardUrl("/"));
    await expect.poll(() => elsewhere.page.getByRole("link", { name: "分析" }).count()).toBe(1);
    await elsewhere.close();

    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => page.getByRole("link", { name: "Analytics" }).count()).toBe(1);
    await expect.poll(async () => (await query<{ language: string }>("SELECT language FROM users WHERE email = $1", [owner.email]))[0]?.language).toBe("en");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("refreshes an expired access token without the user noticing, and logs out for good", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard);
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem("ckm.session")!);
      localStorage.setItem("ckm.session", JSON.stringify({ ...session, accessTokenExpiresAt: new Date(Date.now() - 1_000).toISOString() }));
    });
    await page.goto(dashboardUrl("/"));
    await expect.poll(() => page.locator(".brand-tenant").textContent()).toBe("Browser Test Ltd");
    const session = await page.evaluate(() => JSON.parse(localStorage.getItem("ckm.session")!));
    expect(session.refreshToken).not.toBe(owner.refreshToken);
    expect(Date.parse(session.accessTokenExpiresAt)).toBeGreaterThan(Date.now());

    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    expect(await page.evaluate(() => localStorage.getItem("ckm.session"))).toBeNull();
    await page.goto(dashboardUrl("/"));
    await page.waitForURL(/\/login/);
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("lays out for a tablet as well", async () => {
    const dashboard = await openDashboard(browser, { viewport: { width: 820, height: 1180 } });
    await loggedInOwner(dashboard);
    await dashboard.page.goto(dashboardUrl("/"));
    await settled(dashboard.page);
    const overflow = await dashboard.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(dashboard.page, "home-tablet");
    await dashboard.close();
  });
});
