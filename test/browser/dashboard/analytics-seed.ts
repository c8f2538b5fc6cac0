import { readFileSync } from "node:fs";
import { expect, inject } from "vitest";
import { SAMPLE_CSV } from "../../../scripts/seed-demo.ts";
import { api } from "../api.ts";

type Run = { id: string; status: string; customers: number; trigger: string };

/**
 * The UCI Online Retail sample cut to every sixth customer (about 600 of them, two thirds
 * repeat buyers, December 2010 to December 2011): above the BG/NBD and Gamma-Gamma thresholds,
 * small enough to import and score in seconds.
 */
export function retailSubset(): string {
  const [header, ...rows] = readFileSync(SAMPLE_CSV, "utf8").split("\n");
  const kept = rows.filter((row) => {
    const id = Number(row.split(",").at(-2));
    return Number.isInteger(id) && id > 0 && id % 6 === 0;
  });
  return [header, ...kept].join("\n") + "\n";
}

/** Imports the subset through the API (upload, run, wait), in pounds and London time as the sample is. */
export async function importRetailSubset(token: string): Promise<void> {
  await api("PATCH", "/v1/settings", { token, body: { currency: "GBP", timezone: "Europe/London" } });
  const upload = await fetch(`${inject("workerUrl")}/v1/imports?source=uci&currency=GBP&timeZone=Europe/London`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: retailSubset(),
  });
  expect(upload.status, await upload.clone().text()).toBe(201);
  const { import: created } = (await upload.json()) as { import: { id: string } };
  await api("POST", `/v1/imports/${created.id}/run`, { token, status: 202 });
  await expect.poll(async () => (await api<{ status: string }>("GET", `/v1/imports/${created.id}`, { token })).status, { timeout: 120_000, interval: 500 }).toBe("done");
}

/** The run the finished import asked for: queued, waiting out its ten-minute debounce. */
export async function waitingRun(token: string): Promise<Run> {
  let waiting: Run | undefined;
  await expect
    .poll(async () => {
      waiting = (await api<{ items: Run[] }>("GET", "/v1/segmentation/runs", { token })).items.find((run) => run.status === "queued");
      return waiting?.trigger;
    }, { timeout: 30_000 })
    .toBe("data_change");
  return waiting!;
}

/** Starts a run through the API as of a date and waits for it to finish. */
export async function runThroughApi(token: string, asOf: string): Promise<Run> {
  const started = await api<Run>("POST", "/v1/segmentation/runs", { token, body: { asOf }, status: 202 });
  await expect.poll(async () => (await api<Run>("GET", `/v1/segmentation/runs/${started.id}`, { token })).status, { timeout: 180_000, interval: 500 }).toBe("done");
  return api<Run>("GET", `/v1/segmentation/runs/${started.id}`, { token });
}
