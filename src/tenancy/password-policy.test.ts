import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords.ts";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblems } from "./password-policy.ts";

const good = "lantern-orchard-41";

describe("passwordProblems", () => {
  it("accepts a long, uncommon password", () => {
    expect(passwordProblems(good, { email: "ada@example.com", name: "Ada Lovelace" })).toEqual([]);
  });

  it("asks for at least 12 characters", () => {
    expect(passwordProblems("short-pw-11")).toEqual(["Use at least 12 characters."]);
    expect(passwordProblems("short-pw-123")).toEqual([]);
    expect(passwordProblems("")).toEqual(["Use at least 12 characters."]);
  });

  it("counts Unicode code points, not UTF-16 units", () => {
    // Six emoji are twelve UTF-16 units but only six characters.
    expect("🔥🌲🐙🎈🚲🧭".length).toBe(12);
    expect(passwordProblems("🔥🌲🐙🎈🚲🧭")).toEqual(["Use at least 12 characters."]);
    expect(passwordProblems("🔥🌲🐙🎈🚲🧭🔥🌲🐙🎈🚲🧭")).toEqual([]);
  });

  it("refuses more than 256 characters", () => {
    const atLimit = "ab-".repeat(86).slice(0, MAX_PASSWORD_LENGTH);
    expect(passwordProblems(atLimit)).toEqual([]);
    expect(passwordProblems(`${atLimit}x`)).toEqual(["Use at most 256 characters."]);
    // 256 code points, though 384 UTF-16 units.
    expect(passwordProblems("🧭".repeat(MAX_PASSWORD_LENGTH / 2) + "ab".repeat(MAX_PASSWORD_LENGTH / 4))).toEqual([]);
  });

  it("refuses common passwords whatever their case and surrounding spaces", () => {
    const message = "This password is on a list of commonly used passwords; choose another.";
    expect(passwordProblems("password1234")).toEqual([message]);
    expect(passwordProblems("PassWord1234")).toEqual([message]);
    expect(passwordProblems("  QWERTYUIOP12 ")).toEqual([message]);
    // Full-width letters normalise (NFKC) to the listed ASCII ones.
    expect(passwordProblems("ｐａｓｓｗｏｒｄ１２３４")).toEqual([message]);
    expect(passwordProblems("password1234-lantern")).toEqual([]);
  });

  it("refuses a single repeated character", () => {
    expect(passwordProblems("aaaaaaaaaaaaaaaa")).toEqual([
      "This password repeats a single character; use a mix of characters.",
    ]);
    expect(passwordProblems("aaaaaaaaaaaaaaab")).toEqual([]);
  });

  it("refuses a password containing the email's local part, ignoring case", () => {
    const message = "This password contains your email address; choose one that doesn't.";
    expect(passwordProblems("Margaret-lantern-41", { email: "margaret@example.com" })).toEqual([message]);
    expect(passwordProblems("lantern-MARGARET", { email: "Margaret@example.com" })).toEqual([message]);
    expect(passwordProblems(good, { email: "margaret@example.com" })).toEqual([]);
  });

  it("ignores an email local part shorter than 4 characters", () => {
    expect(passwordProblems("ada-lantern-orchard", { email: "ada@example.com" })).toEqual([]);
    expect(passwordProblems("adam-lantern-orchard", { email: "adam@example.com" })).toHaveLength(1);
  });

  it("reports every problem at once", () => {
    expect(passwordProblems("zzz")).toEqual([
      "Use at least 12 characters.",
      "This password repeats a single character; use a mix of characters.",
    ]);
  });
});

describe("COMMON_PASSWORDS", () => {
  it("holds only lower-case entries long enough to pass the length rule", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(150);
    for (const entry of COMMON_PASSWORDS) {
      expect(entry).toBe(entry.toLowerCase());
      expect([...entry].length, entry).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    }
  });
});
