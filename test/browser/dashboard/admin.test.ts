import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api, query } from "../api.ts";
import { launchChromium } from "../chromium.ts";
import { dashboardUrl, expectAccessible, loggedInOwner, openDashboard, PASSWORD, screenshot, settled } from "./harness.ts";

const chromium = inject("chromium");

/** expect.poll with room for a loaded machine: a reload, the account and the screen's data can take seconds. */
const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(fn, { timeout: 20_000, ...options });

/** Opens an admin screen and waits for its data. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(dashboardUrl(path));
  await settled(page);
}

describe.skipIf(!chromium)("the dashboard's administration: members, integrations, keys, settings, backups", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("invites an analyst who joins by the link, sees no admin navigation, and is then made a viewer", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard, "Invite Test Ltd");
    await open(page, "/settings/members");
    await expectAccessible(page, "members");
    const email = `analyst-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("analyst");
    await page.getByRole("button", { name: "Create invitation" }).click();
    const linkField = page.getByRole("textbox", { name: "Invite link" });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${dashboardUrl("/invite")}\\?token=`));
    await poll(() => page.getByRole("table", { name: "Pending invitations" }).getByRole("cell", { name: email, exact: true }).count()).toBe(1);
    await screenshot(page, "settings-members");

    const member = await openDashboard(browser);
    await member.page.goto(link);
    await member.page.getByLabel("Your name").fill("Ana Analyst");
    await member.page.getByLabel("Password").fill(PASSWORD);
    await member.page.getByRole("button", { name: "Join" }).click();
    await member.page.waitForURL(dashboardUrl("/"));
    await member.page.getByRole("button", { name: "Log out" }).click();
    await member.page.waitForURL(/\/login/);
    await member.page.getByLabel("Email").fill(email);
    await member.page.getByLabel("Password").fill(PASSWORD);
    await member.page.getByRole("button", { name: "Log in" }).click();
    await member.page.waitForURL(dashboardUrl("/"));
    const nav = member.page.getByRole("navigation", { name: "Main" });
    await poll(() => nav.getByRole("link", { name: "Members" }).count()).toBe(1);
    for (const adminOnly of ["Integrations", "Backups", "API keys", "Audit log"]) expect(await nav.getByRole("link", { name: adminOnly }).count(), adminOnly).toBe(0);
    await open(member.page, "/settings/members");
    expect(await member.page.getByRole("button", { name: "Create invitation" }).count()).toBe(0);
    expect(await member.page.getByRole("combobox", { name: /^Role of/ }).count()).toBe(0);
    await open(member.page, "/settings/api-keys");
    expect(await member.page.getByRole("status").filter({ hasText: "Only owners and admins" }).count()).toBe(1);
    await expectAccessible(member.page, "a screen the role may not use");
    await open(member.page, "/settings/general");
    expect(await member.page.getByRole("button", { name: "Save" }).count()).toBe(0);
    expect(await member.page.getByLabel("Currency").isDisabled()).toBe(true);
    expect(member.errors).toEqual([]);
    await member.close();

    await open(page, "/settings/members");
    await page.getByLabel("Role of Ana Analyst").selectOption("viewer");
    await poll(() => page.getByText("Ana Analyst is now Viewer.").count()).toBe(1);
    await poll(async () => (await query<{ role: string }>("SELECT role FROM users WHERE email = $1", [email]))[0]?.role).toBe("viewer");
    await page.getByLabel("Role of Olive Owner").selectOption("admin");
    await poll(() => page.getByRole("alert").textContent()).toMatch(/owner/i);
    expect(await query("SELECT role FROM users WHERE email = $1", [owner.email])).toEqual([{ role: "owner" }]);
    await poll(() => page.getByLabel("Role of Olive Owner").inputValue()).toBe("owner");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("connects a shop: the secret is shown once, a test delivery arrives in the log and is processed", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard, "Integration Test Ltd");
    await open(page, "/settings/integrations");
    await expectAccessible(page, "integrations (empty)");
    await page.getByRole("button", { name: "Connect a shop" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Platform").selectOption("woocommerce");
    await dialog.getByLabel("Name").fill("Tea shop");
    await expectAccessible(page, "connect a shop");
    await dialog.getByRole("button", { name: "Connect" }).click();
    await dialog.waitFor({ state: "hidden" });
    const secretField = page.getByRole("textbox", { name: "Signing secret" });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(await page.getByText("you will not see this again").count()).toBe(1);
    const rows = await query<{ id: string; platform: string }>("SELECT id, platform FROM integrations WHERE tenant_id = $1 AND name = 'Tea shop'", [owner.tenantId]);
    expect(rows).toEqual([expect.objectContaining({ platform: "woocommerce" })]);
    expect(await page.getByRole("textbox", { name: "Delivery URL" }).inputValue()).toBe(dashboardUrl(`/v1/hooks/${rows[0]!.id}`));
    await screenshot(page, "settings-integration-created");
    await page.getByRole("button", { name: "I have copied it" }).click();
    expect(await page.getByRole("textbox", { name: "Signing secret" }).count()).toBe(0);
    await page.reload();
    await settled(page);
    expect(await page.content()).not.toContain(secret);
    await expectAccessible(page, "integrations");
    await screenshot(page, "settings-integrations");

    await page.getByRole("link", { name: "Tea shop" }).click();
    await settled(page);
    await page.getByRole("button", { name: "Send test delivery" }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "test delivery" }).count()).toBe(1);
    const log = page.getByRole("table", { name: "Delivery log" });
    await poll(() => log.locator(".chip", { hasText: "Processed" }).count(), { timeout: 45_000 }).toBe(1);
    await expectAccessible(page, "integration");
    await screenshot(page, "settings-integration");
    await log.getByRole("link").first().click();
    await poll(() => page.locator("pre.payload").textContent()).toContain("webhook-test@example.com");
    await poll(() => page.getByText("What it changed").count()).toBe(1);
    await expectAccessible(page, "delivery");
    await screenshot(page, "settings-delivery");
    expect(await query("SELECT 1 FROM customers WHERE tenant_id = $1 AND email = 'webhook-test@example.com'", [owner.tenantId])).toHaveLength(1);
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("creates a secret API key shown once, then revokes it after asking", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard, "Key Test Ltd");
    await open(page, "/settings/api-keys");
    await page.getByRole("button", { name: "Create a key" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Order sync");
    await dialog.getByLabel("Kind").selectOption("secret");
    await dialog.getByLabel("Role").selectOption("analyst");
    await dialog.getByRole("button", { name: "Create key" }).click();
    await dialog.waitFor({ state: "hidden" });
    const keyField = page.getByRole("textbox", { name: "Secret key", exact: true });
    await keyField.waitFor();
    expect(await keyField.inputValue()).toMatch(/^sk_live_/);
    expect(await query("SELECT role, revoked_at FROM api_keys WHERE tenant_id = $1 AND name = 'Order sync'", [owner.tenantId])).toEqual([{ role: "analyst", revoked_at: null }]);
    await expectAccessible(page, "api key created");
    await screenshot(page, "settings-api-key-created");
    await page.getByRole("button", { name: "I have copied it" }).click();

    await page.getByRole("button", { name: "Revoke Order sync" }).click();
    const confirm = page.getByRole("dialog");
    expect(await confirm.textContent()).toContain("cannot be undone");
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await poll(async () => (await query<{ revoked_at: Date | null }>("SELECT revoked_at FROM api_keys WHERE tenant_id = $1 AND name = 'Order sync'", [owner.tenantId]))[0]?.revoked_at).not.toBeNull();
    await poll(() => page.getByRole("table", { name: "API keys" }).getByText("Revoked").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Revoke Order sync" }).count()).toBe(0);
    await expectAccessible(page, "api keys");
    await screenshot(page, "settings-api-keys");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("saves settings with field-level errors first, then currency and time zone, which the audit log and formats follow", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard, "Settings Test Ltd");
    await api("PATCH", "/v1/settings", { token: owner.token, body: { currency: "GBP", timezone: "UTC" } });
    await open(page, "/settings/general");
    await expectAccessible(page, "settings");
    await page.getByLabel("Currency").selectOption("EUR");
    await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
    const retention = page.getByLabel("Keep raw webhook payloads (days)");
    await retention.fill("0");
    await page.getByRole("button", { name: "Save" }).click();
    await poll(() => retention.getAttribute("aria-invalid")).toBe("true");
    expect(await query("SELECT currency FROM tenants WHERE id = $1", [owner.tenantId])).toEqual([{ currency: "GBP" }]);

    await retention.fill("45");
    await page.getByLabel("Add an origin").fill("https://shop.example.com/");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await poll(() => page.getByText("Settings saved.").count()).toBe(1);
    expect(await query("SELECT currency, timezone, webhook_retention_days, allowed_origins FROM tenants WHERE id = $1", [owner.tenantId])).toEqual([
      { currency: "EUR", timezone: "Asia/Shanghai", webhook_retention_days: 45, allowed_origins: ["https://shop.example.com"] },
    ]);
    await screenshot(page, "settings-general");
    await page.reload();
    await settled(page);
    expect(await page.getByLabel("Currency").inputValue()).toBe("EUR");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Asia/Shanghai");

    await open(page, "/settings/audit-log");
    await poll(() => page.getByText("Times are in Asia/Shanghai").count()).toBe(1);
    const table = page.getByRole("table", { name: "Audit log" });
    await poll(() => table.getByText("Changed settings").count()).toBeGreaterThanOrEqual(1);
    await page.getByLabel("Action").selectOption("settings.update");
    await poll(() => table.getByRole("row").count()).toBe(3);
    await table.getByText("fields").first().click();
    expect(await table.textContent()).toContain("Asia/Shanghai");
    await expectAccessible(page, "audit log");
    await screenshot(page, "settings-audit-log");

    const tablet = await openDashboard(browser, { viewport: { width: 820, height: 1180 } });
    await tablet.page.goto(dashboardUrl("/login"));
    await tablet.page.evaluate((session) => localStorage.setItem("ckm.session", session), await page.evaluate(() => localStorage.getItem("ckm.session")!));
    await open(tablet.page, "/settings/general");
    expect(await tablet.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(tablet.page, "settings-general-tablet");
    await tablet.close();
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });

  it("backs up with live progress that survives a reload, verifies and downloads the backup, and restores it into a new tenant", async () => {
    const dashboard = await openDashboard(browser);
    const { page } = dashboard;
    const owner = await loggedInOwner(dashboard, "Backup Test Ltd");
    await open(page, "/settings/backups");
    await expectAccessible(page, "backups (empty)");
    await page.getByRole("button", { name: "Back up now" }).click();
    await page.waitForURL(/\/settings\/backups\/[0-9a-f-]{36}$/);
    const backupId = page.url().split("/").at(-1)!;
    await page.getByRole("progressbar").first().waitFor();
    await page.reload();
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Backup of /);
    await poll(() => page.locator(".stat").first().textContent(), { timeout: 60_000 }).toContain("Completed");
    expect(await query("SELECT status FROM backups WHERE id = $1 AND tenant_id = $2", [backupId, owner.tenantId])).toEqual([{ status: "completed" }]);

    await page.getByRole("button", { name: "Verify" }).click();
    await poll(() => page.getByText(/^Verified .*: every check passed$/).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator(".checks").first().textContent()).toMatch(/parts read back, each one's size and SHA-256 checked/);
    expect((await query<{ verification: { ok: boolean } }>("SELECT verification FROM backups WHERE id = $1", [backupId]))[0]?.verification.ok).toBe(true);
    await expectAccessible(page, "backup");
    await screenshot(page, "settings-backup");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toBe(`backup-${backupId}.tar`);
    const tar = readFileSync((await download.path())!);
    expect(tar.subarray(0, 13).toString()).toBe("manifest.json");
    expect(tar.length).toBeGreaterThan(1024);

    await page.getByRole("button", { name: "Restore…" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.textContent()).toContain("safety backup");
    await dialog.getByLabel("A new tenant").check();
    const confirm = dialog.getByRole("button", { name: "Restore", exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/^Type the tenant's name/).fill("Backup Test Ltd");
    expect(await confirm.isDisabled()).toBe(false);
    await expectAccessible(page, "restore dialog");
    await screenshot(page, "settings-backup-restore");
    await confirm.click();
    await poll(() => page.getByText(/^Restored: .* rows written$/).count(), { timeout: 60_000 }).toBe(1);
    const restore = (await query<{ restore: { status: string; targetTenantId: string } }>("SELECT restore FROM backups WHERE id = $1", [backupId]))[0]!.restore;
    expect(restore.status).toBe("completed");
    expect(await query("SELECT name FROM tenants WHERE id = $1", [restore.targetTenantId])).toHaveLength(1);

    await open(page, "/settings/backups");
    const list = page.getByRole("table", { name: "Backups" });
    expect(await list.getByText("Verified").count()).toBe(1);
    expect(await list.getByText("Completed").count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, "backups");
    await screenshot(page, "settings-backups");

    await page.getByLabel("Language").selectOption("zh-CN");
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("备份");
    expect(await page.getByRole("table", { name: "备份" }).getByText("已校验").count()).toBe(1);
    await expectAccessible(page, "backups in Chinese");
    await screenshot(page, "settings-backups-zh");
    expect(dashboard.errors).toEqual([]);
    await dashboard.close();
  });
});
