import { describe, expect, it } from "vitest";
import { PASSWORD_ITERATIONS, hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from "./passwords.ts";

const password = "correct-horse-battery";

describe("hashPassword and verifyPassword", () => {
  it("verifies the password a hash was made from, and no other", async () => {
    const stored = await hashPassword(password);
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword("correct-horse-battery!", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash, so the same password hashes differently each time", async () => {
    const [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(first).not.toBe(second);
    expect(await verifyPassword(password, first)).toBe(true);
    expect(await verifyPassword(password, second)).toBe(true);
  });

  it("stores scheme, iterations, a 16-byte salt and a 32-byte hash, base64url without padding", async () => {
    const fields = (await hashPassword(password)).split("$");
    expect(fields).toHaveLength(4);
    const [scheme, iterations, salt, hash] = fields;
    expect(scheme).toBe("pbkdf2-sha256");
    expect(iterations).toBe(String(PASSWORD_ITERATIONS));
    expect(salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("still verifies a hash made with fewer iterations, and asks for it to be re-hashed", async () => {
    const old = await hashPassword(password, 1000);
    expect(old.split("$")[1]).toBe("1000");
    expect(await verifyPassword(password, old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword(password))).toBe(false);
  });

  it("treats the composed and decomposed forms of a password as the same password", async () => {
    const composed = "caf\u00e9-passwort-lang";
    const decomposed = "cafe\u0301-passwort-lang";
    expect(composed).not.toBe(decomposed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
    expect(await verifyPassword(composed, await hashPassword(decomposed))).toBe(true);
  });
});

describe("malformed stored hashes", () => {
  it("answers false without throwing, and always needs a re-hash", async () => {
    const [, , salt, hash] = (await hashPassword(password, 1000)).split("$");
    const malformed = [
      "",
      "bcrypt$2b$12$abcdefghijklmnopqrstuv",
      `$2b$12$${salt}${hash}`,
      `pbkdf2-sha256$1000$${salt}`,
      `pbkdf2-sha256$1000$${salt}$${hash}$extra`,
      `pbkdf2-sha256$many$${salt}$${hash}`,
      `pbkdf2-sha256$0$${salt}$${hash}`,
      `pbkdf2-sha256$-1000$${salt}$${hash}`,
      `pbkdf2-sha256$1e3$${salt}$${hash}`,
      `pbkdf2-sha256$1000000000$${salt}$${hash}`,
      `pbkdf2-sha256$${PASSWORD_ITERATIONS + 1}$${salt}$${hash}`,
      `pbkdf2-sha256$1000$not*base64!$${hash}`,
      `pbkdf2-sha256$1000$${salt}$${hash}x`,
      `pbkdf2-sha256$1000$${salt}$${hash}==`,
      `pbkdf2-sha256$1000$$${hash}`,
      `pbkdf2-sha256$1000$${salt}$`,
      `pbkdf2-sha256$1000$${salt}$${hash?.slice(0, 20)}`,
    ];
    for (const stored of malformed) {
      await expect(verifyPassword(password, stored), stored).resolves.toBe(false);
      expect(needsRehash(stored), stored).toBe(true);
    }
  });
});

describe("verifyAgainstDecoy", () => {
  it("does a verification's work and always answers false", async () => {
    await expect(verifyAgainstDecoy(password)).resolves.toBe(false);
    await expect(verifyAgainstDecoy("")).resolves.toBe(false);
  });
});
