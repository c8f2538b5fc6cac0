import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index.ts";

/** The length a client's HTTP stack would send for a body it holds whole. */
function contentLength(body: BodyInit | null | undefined): number | undefined {
  if (typeof body === "string") return new TextEncoder().encode(body).byteLength;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  return undefined;
}

/**
 * Sends a request to the Worker's fetch handler, as `SELF.fetch` would, but in the test's own
 * isolate: the same handler, bindings and database, with the request's `waitUntil` work (the
 * pool's close) finished before the answer is handed back. `SELF.fetch` re-imports the main
 * module through Vite for every request, and that cost grows with each request a file makes
 * (5 ms for the first hundred, near 300 ms by the ninth hundred); this costs the same every time.
 */
export async function workerFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const length = contentLength(init.body);
  if (length !== undefined && !headers.has("content-length")) headers.set("content-length", String(length));
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(input, { ...init, headers }), env as never, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
