import type { Rng } from "../../../src/analytics/random.ts";
import type { Country, Person } from "./names.ts";

const DOMAINS: Record<string, string[]> = {
  CN: ["qq.com", "163.com", "126.com", "gmail.com"],
  HK: ["gmail.com", "yahoo.com.hk", "outlook.com"],
  SG: ["gmail.com", "outlook.com", "singnet.com.sg"],
  default: ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "web.de", "orange.fr", "example.com"],
};
const CALLING: Record<Country, { code: string; trunk: string; digits: number }> = {
  GB: { code: "44", trunk: "0", digits: 10 }, IE: { code: "353", trunk: "0", digits: 9 }, DE: { code: "49", trunk: "0", digits: 10 },
  FR: { code: "33", trunk: "0", digits: 9 }, ES: { code: "34", trunk: "", digits: 9 }, NL: { code: "31", trunk: "0", digits: 9 },
  CN: { code: "86", trunk: "", digits: 11 }, HK: { code: "852", trunk: "", digits: 8 }, SG: { code: "65", trunk: "", digits: 8 },
};

/** Share of emails and phones written the careless ways real records hold them. */
export const DIRTY_SHARE = 0.12;

const digitsOf = (rng: Rng, n: number, first = "7") => first + Array.from({ length: n - 1 }, () => Math.floor(rng() * 10)).join("");

/** A clean address, or (DIRTY_SHARE of the time) one with case, spaces, a mailto: or a typo. */
export function sampleEmail(rng: Rng, person: Person, n: number): string | null {
  if (rng() < 0.06) return null;
  const domains = DOMAINS[person.country] ?? DOMAINS.default!;
  const local = rng() < 0.3 && person.country === "CN" ? String(10_000_000 + n) : `${person.latin.toLowerCase()}${n % 1000}`;
  const clean = `${local}@${domains[Math.floor(rng() * domains.length)]}`;
  if (rng() >= DIRTY_SHARE) return clean;
  const ways = [
    () => clean.toUpperCase(),
    () => `  ${clean} `,
    () => `mailto:${clean}`,
    () => clean.replace("@", "@@"),
    () => clean.replace(/\.(?=[^.]*$)/, ","),
    () => clean.replace(/\.[a-z.]+$/, ""),
    () => `${person.name} <${clean}>`,
  ];
  return ways[Math.floor(rng() * ways.length)]!();
}

/** An E.164 number, or (DIRTY_SHARE of the time) the national, spaced, 00-prefixed or broken forms. */
export function samplePhone(rng: Rng, person: Person): string | null {
  if (rng() < 0.25) return null;
  const { code, trunk, digits } = CALLING[person.country];
  const national = digitsOf(rng, digits, person.country === "CN" ? "1" : person.country === "HK" || person.country === "SG" ? "9" : "7");
  const clean = `+${code}${national}`;
  if (rng() >= DIRTY_SHARE) return clean;
  const ways = [
    () => `${trunk}${national.slice(0, 4)} ${national.slice(4)}`,
    () => `+${code} (${trunk || "0"}) ${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`,
    () => `00${code}${national}`,
    () => `${clean} ext. ${Math.floor(rng() * 900) + 100}`,
    () => national.slice(0, 5),
    () => `tel:${clean}`,
  ];
  return ways[Math.floor(rng() * ways.length)]!();
}
