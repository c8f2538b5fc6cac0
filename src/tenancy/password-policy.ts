import { COMMON_PASSWORDS } from "./common-passwords.ts";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Shorter local parts ("jo", "ann") occur inside too many good passwords to be worth refusing. */
const MIN_LOCAL_PART_LENGTH = 4;

/**
 * Lists what is wrong with a proposed password, as sentences to show the user; an empty list
 * means it is acceptable. Lengths count Unicode code points of the NFKC form (what gets hashed),
 * so an emoji counts as one character rather than two UTF-16 units.
 */
export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
  const normalized = password.normalize("NFKC");
  const characters = [...normalized];
  const lowered = normalized.toLowerCase();
  const problems: string[] = [];

  if (characters.length < MIN_PASSWORD_LENGTH) problems.push(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (characters.length > MAX_PASSWORD_LENGTH) problems.push(`Use at most ${MAX_PASSWORD_LENGTH} characters.`);
  if (COMMON_PASSWORDS.has(lowered.trim())) {
    problems.push("This password is on a list of commonly used passwords; choose another.");
  }
  if (characters.length > 1 && new Set(characters).size === 1) {
    problems.push("This password repeats a single character; use a mix of characters.");
  }

  const localPart = context.email?.split("@")[0]?.normalize("NFKC").toLowerCase() ?? "";
  if ([...localPart].length >= MIN_LOCAL_PART_LENGTH && lowered.includes(localPart)) {
    problems.push("This password contains your email address; choose one that doesn't.");
  }
  return problems;
}
