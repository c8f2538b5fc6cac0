import { describe, expect, it } from "vitest";
import { BackupKeyRing, decryptPart, encryptPart, tenantKey } from "./keys.ts";

const secret = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
const tenant = "6f1c2c7e-8d3f-4a51-9d55-0f1e2d3c4b5a";
const other = "0b7f3a2e-1c4d-4e5f-8a9b-0c1d2e3f4a5b";

describe("backup encryption keys", () => {
  const k1 = secret();
  const before = BackupKeyRing.parse({ currentKeyId: "k1", keys: { k1 } });
  const rotated = BackupKeyRing.parse({ currentKeyId: "k2", keys: { k1, k2: secret() } });
  const plain = new TextEncoder().encode('{"id":1}\n');

  it("keeps a backup made before a rotation readable by the key id its manifest names", async () => {
    const sealed = await encryptPart(await tenantKey(before, "k1", tenant), "b1", 1, plain);
    expect(await decryptPart(await tenantKey(rotated, "k1", tenant), "b1", 1, sealed)).toEqual(plain);
    await expect(decryptPart(await tenantKey(rotated, "k2", tenant), "b1", 1, sealed)).rejects.toThrow();
  });

  it("derives a different key per tenant, and binds a part to its backup and position", async () => {
    const sealed = await encryptPart(await tenantKey(before, "k1", tenant), "b1", 1, plain);
    await expect(decryptPart(await tenantKey(before, "k1", other), "b1", 1, sealed)).rejects.toThrow();
    await expect(decryptPart(await tenantKey(before, "k1", tenant), "b1", 2, sealed)).rejects.toThrow();
    await expect(decryptPart(await tenantKey(before, "k1", tenant), "b2", 1, sealed)).rejects.toThrow();
  });

  it("rejects a ring whose current key is missing or too short", () => {
    expect(BackupKeyRing.safeParse({ currentKeyId: "k3", keys: { k1 } }).success).toBe(false);
    expect(BackupKeyRing.safeParse({ currentKeyId: "k1", keys: { k1: btoa("short") } }).success).toBe(false);
  });
});
