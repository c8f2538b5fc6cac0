import { ok, problem, type Standardised } from "./result.ts";
import { cleanText } from "./text.ts";

export type Gender = "female" | "male" | "other";

// Chinese forms often hold a salutation (女士 Ms, 先生 Mr) where a gender field is expected.
const WORDS: Record<Gender, string[]> = {
  female: ["f", "female", "woman", "女", "女性", "女士"],
  male: ["m", "male", "man", "男", "男性", "先生"],
  other: ["other", "non-binary", "nonbinary", "其他", "其它"],
};
const GENDERS = new Map(
  Object.entries(WORDS).flatMap(([gender, words]) => words.map((word) => [word, gender as Gender] as const)),
);

/**
 * Standardises a gender to "female", "male" or "other", accepting English words and initials
 * and Chinese forms (女, 男性, 其他), in any case. Blank gives `null`; anything else is a problem
 * rather than a guess.
 */
export function standardiseGender(value: string): Standardised<Gender | null> {
  const text = cleanText(value);
  if (text === null) return ok(null);
  const gender = GENDERS.get(text.toLowerCase());
  return gender ? ok(gender) : problem("is not a gender (use female, male or other)");
}
