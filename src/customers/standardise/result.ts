/**
 * The outcome of standardising one raw value. A problem message reads after the field's name
 * ("phone is not a valid phone number"), so imports and forms can show it as it is.
 */
export type Standardised<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A value that was recognised, in its standard form (`null` when the input was blank). */
export function ok<T>(value: T): Standardised<T> {
  return { ok: true, value };
}

/** A value that could not be recognised; `message` completes the sentence after the field name. */
export function problem<T = never>(message: string): Standardised<T> {
  return { ok: false, problem: message };
}
