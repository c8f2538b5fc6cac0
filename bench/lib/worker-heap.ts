import WebSocket from "ws";

/**
 * The Worker's live JavaScript heap, in MiB: through the DevTools protocol of `wrangler dev`'s
 * inspector (its port is the Worker's plus 1000, see scripts/dev-worker.ts), a full garbage
 * collection and then `Runtime.getHeapUsage`. What is left after a collection is what the Worker
 * holds on to; resident memory also counts what V8 and the allocator keep but no longer use.
 */
export async function liveHeapMiB(inspectorPort: number): Promise<number> {
  const socket = new WebSocket(`ws://127.0.0.1:${inspectorPort}/ws`);
  const replies = new Map<number, (result: any) => void>();
  let next = 0;
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) replies.get(message.id)?.(message.result);
  });
  const send = (method: string) =>
    new Promise<any>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`inspector: no answer to ${method}`)), 10_000);
      replies.set(++next, (result) => (clearTimeout(timer), resolve(result)));
      socket.send(JSON.stringify({ id: next, method }));
    });
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  try {
    await send("HeapProfiler.enable");
    await send("HeapProfiler.collectGarbage");
    const usage = (await send("Runtime.getHeapUsage")) as { usedSize: number };
    await send("HeapProfiler.disable");
    return usage.usedSize / 2 ** 20;
  } finally {
    socket.close();
  }
}
