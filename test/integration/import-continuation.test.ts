import { describe, expect, inject, it } from "vitest";
import { signUp } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { contents, importOf, runInSlices, runThroughApi, upload } from "../harness/imports.ts";
import { expectJson } from "../harness/responses.ts";

describe("an import run split across queue invocations", () => {
  const sample = () => inject("sampleCsv");
  const query = "?source=uci&currency=GBP&timeZone=Europe/London";

  it("reads on from the stored offset and ends exactly as a single pass, and again changes nothing", { timeout: 600_000 }, async () => {
    const single = await signUp();
    const whole = await runThroughApi(single, await upload(single, sample(), query));

    const sliced = await signUp();
    const first = await upload(sliced, sample(), query);
    const cursors = await runInSlices(sliced, first, 5_000);
    expect(cursors.length).toBe(7);
    expect(cursors.every((cursor, index) => cursor && cursor.offset > (cursors[index - 1]?.offset ?? 0))).toBe(true);
    const done = await importOf(sliced, first);
    expect(done).toMatchObject({ status: "done", progress: whole.progress, results: whole.results });
    expect(done.results.cursor).toBeUndefined();
    expect(await contents(sliced)).toEqual(await contents(single));

    // Every customer now exists: each one's first row is unchanged, and its rows in later
    // invocations are later rows of the run, not first rows again.
    const before = await contents(sliced);
    const again = await upload(sliced, sample(), query);
    await runInSlices(sliced, again, 5_000);
    expect((await importOf(sliced, again)).results).toMatchObject({ created: 0, updated: 0, unchanged: 3609, orderLines: 0, refunds: 0 });
    expect(await contents(sliced)).toEqual(before);
  });

  it("resumes a UTF-8 file with a byte order mark from its offset, and a GB18030 file by reading from the start", { timeout: 300_000 }, async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => `Name ${i},user${i}@example.com\r\n`);
    const rows = lines.join("");
    // After the byte order mark, the header and the rows before (all ASCII, a byte a character).
    const offsetAfter = (count: number) => 3 + "Name,Email\r\n".length + lines.slice(0, count).join("").length;
    const utf8 = new TextEncoder().encode(`\uFEFFName,Email\r\n${rows}`);
    // 姓名,邮箱 in GB18030, then ASCII rows, which read the same in both encodings.
    const gb18030 = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd3, 0xca, 0xcf, 0xe4, 0x0d, 0x0a, ...new TextEncoder().encode(rows)]);
    for (const [file, exact] of [[utf8, true], [gb18030, false]] as const) {
      const owner = await signUp();
      const id = await upload(owner, file);
      const cursors = await runInSlices(owner, id, 5_000);
      expect(cursors).toEqual(exact ? [{ line: 5_001, offset: offsetAfter(5_000) }, { line: 10_001, offset: offsetAfter(10_000) }] : [undefined, undefined]);
      expect(await importOf(owner, id)).toMatchObject({ status: "done", progress: { rowsDone: 12_000, rowsValid: 12_000 }, results: { created: 12_000 } });
      const last = await expectJson<{ items: Array<{ name: string }> }>(await call("GET", "/v1/customers?email=user11999@example.com", { token: owner.tokens.accessToken }));
      expect(last.items.map((customer) => customer.name)).toEqual(["Name 11999"]);
    }
  });
});
