import { useEffect, useRef, useState } from "react";
import { useT } from "../../../i18n/i18n.tsx";
import { TextField } from "../../../ui/field.tsx";

const DEBOUNCE_MS = 250;

/**
 * Search as you type: the query reaches the address (and so the list) a moment after the last
 * key, and a change of the address from elsewhere (a saved view, Back) shows in the box.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const t = useT();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onSearch(text);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <TextField
      className="customer-search"
      type="search"
      label={t("customers.list.search")}
      hint={t("customers.list.searchHint")}
      value={text}
      autoComplete="off"
      onChange={(event) => setText(event.target.value)}
    />
  );
}
