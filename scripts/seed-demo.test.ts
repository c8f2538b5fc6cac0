import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBridge, type Bridge } from "./db/bridge.ts";
import { migrate } from "./db/migrate.ts";
import { nodePool } from "./db/node-pool.ts";
import { seedDemo } from "./seed-demo.ts";

const CSV = [
  "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
  '536365,85123A,"WHITE HANGING HEART, T-LIGHT HOLDER",6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
  "536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,,United Kingdom",
  "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2010-12-01 08:34:00,1.69,13047,France",
  "536368,22960,JAM MAKING SET WITH JARS,6,2010-12-01 08:34:00,4.25,17850,United Kingdom",
].join("\n");

describe("seedDemo", () => {
  let bridge: Bridge;
  let csvPath: string;
  beforeAll(async () => {
    bridge = await startBridge({ dataDir: "memory://" });
    const pool = nodePool(bridge);
    await migrate(pool);
    await pool.end();
    csvPath = join(mkdtempSync(join(tmpdir(), "ckm-seed-")), "sample.csv");
    writeFileSync(csvPath, CSV);
  });
  afterAll(() => bridge?.close());

  it("creates the demo tenant with one customer per distinct id, then changes nothing", async () => {
    const pool = nodePool(bridge);
    try {
      const first = await seedDemo(pool, csvPath);
      const second = await seedDemo(pool, csvPath);
      expect(first).toMatchObject({ created: true, customers: 2 });
      expect(second).toEqual({ ...first, created: false });
    } finally {
      await pool.end();
    }
  });
});
