import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { api, signUp } from "../api.ts";

const ARTIFACTS = new URL("../../artifacts/dashboard/", import.meta.url).pathname;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const PASSWORD = "a long and unusual passphrase";

export type Dashboard = { context: BrowserContext; page: Page; errors: string[]; close(): Promise<void> };

/**
 * A fresh browser context at a laptop's size on the dashboard's origin. Console errors, uncaught
 * exceptions and 5xx answers are collected so a test can insist there were none (4xx answers are
 * part of the journeys: a refused password, say).
 */
export async function openDashboard(browser: Browser, options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<Dashboard> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, locale: options.locale ?? "en-GB", acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} from ${response.request().method()} ${response.url()}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors, close: () => context.close() };
}

export const dashboardUrl = (path = "/") => `${inject("workerUrl")}${path}`;

export type Owner = { token: string; refreshToken: string; tenantId: string; email: string };

/** A new tenant signed up through the API, its owner's tokens stored so the dashboard opens logged in. */
export async function loggedInOwner(dashboard: Dashboard, company = "Browser Test Ltd"): Promise<Owner> {
  const email = `owner-${crypto.randomUUID().slice(0, 12)}@example.com`;
  const body = await api<{ tenantId: string; tokens: { accessToken: string; refreshToken: string; accessTokenExpiresAt: string; refreshTokenExpiresAt: string } }>("POST", "/v1/signup", {
    body: { company, name: "Olive Owner", email, password: PASSWORD },
  });
  await dashboard.page.goto(dashboardUrl("/login"));
  await dashboard.page.evaluate((tokens) => localStorage.setItem("ckm.session", JSON.stringify(tokens)), body.tokens);
  return { token: body.tokens.accessToken, refreshToken: body.tokens.refreshToken, tenantId: body.tenantId, email };
}

export { signUp };

/**
 * Runs axe-core on the page as it is and fails on any serious or critical violation, listing
 * each with the elements it found.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await page.evaluate(async (source) => {
    if (!("axe" in window)) (0, eval)(source);
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(", ")}`);
  }, AXE_SOURCE);
  expect(violations, `accessibility of ${screen}`).toEqual([]);
}

/** Saves a full-page screenshot of a screen under test/artifacts/dashboard/ (not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** Waits until no request of the page is in flight and nothing says it is loading. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator(".loading").count(), { timeout: 15_000 }).toBe(0);
}
