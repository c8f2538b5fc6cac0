import { createApp } from "./app.ts";
import type { Bindings } from "./env.ts";
import { consumeBatch } from "./jobs/consume.ts";
import { consumeDeadLetters, DEAD_LETTER_QUEUE } from "./jobs/dead-letters.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { dispatchCron } from "./jobs/scheduled.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  async queue(batch, env) {
    if (batch.queue === DEAD_LETTER_QUEUE) await consumeDeadLetters(batch, env);
    else await consumeBatch(batch, env, jobHandlers);
  },
  async scheduled(controller, env) {
    await dispatchCron(controller, env);
  },
} satisfies ExportedHandler<Bindings, unknown>;
