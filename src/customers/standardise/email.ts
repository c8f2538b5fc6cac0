import { z } from "zod";
import { ok, problem, type Standardised } from "./result.ts";
import { cleanText } from "./text.ts";

const Email = z.email();
const MAX_LENGTH = 254; // RFC 5321's limit on a forward path, less its angle brackets

/**
 * Standardises an email address: cleans the text, takes the address out of a display form
 * ("Ada <ada@example.com>") or a `mailto:` link, and lower-cases the whole of it, since
 * mailboxes that differ only by case are the same person in practice. Blank gives `null`.
 */
export function standardiseEmail(value: string): Standardised<string | null> {
  const text = cleanText(value);
  if (text === null) return ok(null);
  const address = (/<([^<>]*)>$/.exec(text)?.[1] ?? text)
    .trim()
    .replace(/^mailto:/i, "")
    .replace(/\?.*$/, "") // mailto: links may carry ?subject=…
    .replace(/。/g, ".") // Chinese input methods type the ideographic full stop for a dot
    .toLowerCase();
  if (address.length > MAX_LENGTH || !Email.safeParse(address).success) {
    return problem("is not an email address");
  }
  return ok(address);
}
