import { env } from "cloudflare:test";
import { describe, expect, it, beforeAll } from "vitest";
import { call } from "../harness/api.ts";
import { createFixture, type Fixture } from "../harness/fixture.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { takeBackup } from "../harness/backups.ts";
import { manifestKey } from "../../src/backups/layout.ts";

type Backup = { id: string; status: string; rows: number; sizeBytes: number; tables: Record<string, number>; verification: { ok: boolean; problems: string[] } | null; restore: { status: string; error?: string; targetTenantId?: string; rows?: number } | null };

describe("backups through the API", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture();
  });

  it("queues a backup on request, and the queue completes it with a manifest", async () => {
    const queued = await expectJson<Backup>(await call("POST", "/v1/backups", { token: fx.owner.tokens.accessToken }), 202);
    expect(queued.status).toBe("queued");
    let backup = queued;
    for (let attempt = 0; attempt < 200 && backup.status !== "completed" && backup.status !== "failed"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      backup = await expectJson<Backup>(await call("GET", `/v1/backups/${queued.id}`, { token: fx.owner.tokens.accessToken }));
    }
    expect(backup.status).toBe("completed");
    expect(backup.tables.customers).toBeGreaterThanOrEqual(3);
    expect(backup.rows).toBe(Object.values(backup.tables).reduce((a, b) => a + b, 0));
    expect(await env.BACKUPS.head(manifestKey(fx.tenantId, backup.id))).not.toBeNull();
    const list = await expectJson<{ items: Backup[] }>(await call("GET", "/v1/backups", { token: fx.owner.tokens.accessToken }));
    expect(list.items.map((item) => item.id)).toContain(backup.id);
  });

  it("verifies a backup it can read back", async () => {
    const verified = await expectJson<Backup>(await call("POST", `/v1/backups/${fx.backupId}/verify`, { token: fx.owner.tokens.accessToken }));
    expect(verified.verification).toMatchObject({ ok: true, problems: [] });
  });

  it("lets only owners download, as a tar of the manifest and parts", async () => {
    await expectProblem(await call("GET", `/v1/backups/${fx.backupId}/download`, { token: fx.members.admin.tokens.accessToken }), 403);
    const res = await call("GET", `/v1/backups/${fx.backupId}/download`, { token: fx.owner.tokens.accessToken });
    expect(res.status).toBe(200);
    const tar = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(tar.subarray(0, 13))).toBe("manifest.json");
    expect(tar.length % 512).toBe(0);
  });
});
