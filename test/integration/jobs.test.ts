import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { consumeBatch, retryDelaySeconds } from "../../src/jobs/consume.ts";

function message(id: string, body: unknown, attempts = 1) {
  return { id, timestamp: new Date(), attempts, body };
}

describe("the jobs queue consumer", () => {
  it("acknowledges a job its handler completes", async () => {
    const ctx = createExecutionContext();
    const batch = createMessageBatch("ckm-jobs", [message("m1", { kind: "nightly.run", scheduledAt: new Date().toISOString(), tenantIds: [crypto.randomUUID()] })]);
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["m1"]);
    expect(result.retryMessages).toEqual([]);
  });

  it("acknowledges a malformed message instead of retrying what cannot succeed", async () => {
    const ctx = createExecutionContext();
    const batch = createMessageBatch("ckm-jobs", [message("bad", { kind: "no.such.job" }), message("worse", "text")]);
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["bad", "worse"]);
    expect(result.retryMessages).toEqual([]);
  });

  it("retries a failed job with growing backoff", async () => {
    const ctx = createExecutionContext();
    const batch = createMessageBatch("ckm-jobs", [
      message("m2", { kind: "nightly.run", scheduledAt: new Date().toISOString() }, 3),
    ]);
    await consumeBatch(batch, env, {
      "nightly.run": async () => {
        throw new Error("transient");
      },
      "import.validate": async () => {},
      "import.run": async () => {},
      "webhook.process": async () => {},
      "segmentation.run": async () => {},
      "backup.run": async () => {},
      "backup.restore": async () => {},
      "survey.response.webhook": async () => {},
    });
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages).toEqual([{ msgId: "m2" }]);
    expect(result.explicitAcks).toEqual([]);
    expect([1, 2, 3, 40].map(retryDelaySeconds)).toEqual([2, 4, 8, 600]);
  });

  it("acknowledges dead letters after recording them", async () => {
    const ctx = createExecutionContext();
    const batch = createMessageBatch("ckm-jobs-dlq", [message("d1", { kind: "nightly.run" })]);
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["d1"]);
  });
});

/** The real queue binding, recording what is sent through it. */
function recordingEnv() {
  const sent: unknown[] = [];
  const jobs = {
    send: (body: unknown, options?: QueueSendOptions) => {
      sent.push(body);
      return env.JOBS.send(body as never, options);
    },
  } as unknown as typeof env.JOBS;
  return { env: { ...env, JOBS: jobs }, sent };
}

describe("the nightly cron", () => {
  it("enqueues the nightly run through the scheduled entry", async () => {
    const { env: recording, sent } = recordingEnv();
    const controller = createScheduledController({ scheduledTime: new Date("2026-11-23T02:17:00Z"), cron: "17 2 * * *" });
    await worker.scheduled(controller, recording);
    expect(sent).toEqual([{ kind: "nightly.run", scheduledAt: "2026-11-23T02:17:00.000Z" }]);
  });

  it("enqueues nothing for an expression it does not know", async () => {
    const { env: recording, sent } = recordingEnv();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "* * * * *" }), recording);
    expect(sent).toEqual([]);
  });
});
