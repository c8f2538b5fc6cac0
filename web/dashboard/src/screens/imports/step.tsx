import type { ReactNode } from "react";
import { useT } from "../../i18n/i18n.tsx";

/** One numbered step of the import's three, as a list item with its own heading. */
export function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  const t = useT();
  return (
    <li className="card import-step">
      <p className="import-step-number" aria-hidden="true">
        {n}
      </p>
      <div className="import-step-body">
        <h2>
          <span className="visually-hidden">{t("imports.steps.step", { n })}: </span>
          {title}
        </h2>
        {children}
      </div>
    </li>
  );
}
