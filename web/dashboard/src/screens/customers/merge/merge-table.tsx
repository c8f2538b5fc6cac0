import { useFormat, useT } from "../../../i18n/i18n.tsx";
import type { Customer } from "../customer-api.ts";
import type { ProfileField } from "../fields.ts";
import { consentFrom, fieldOutcomes, unitedTags } from "./merge-plan.ts";

type Props = { survivor: Customer; duplicate: Customer; picked: ProfileField[]; onPick(field: ProfileField, fromDuplicate: boolean): void };

/** Both records field by field with the value that will remain; where both differ, a choice. */
export function MergeTable({ survivor, duplicate, picked, onPick }: Props) {
  const t = useT();
  const f = useFormat();
  const empty = <span className="muted">—</span>;
  const consent = consentFrom(survivor, duplicate);
  const hidden = fieldOutcomes(survivor, duplicate).filter((row) => row.result === "empty").length;
  const yesNo = (flag: boolean) => (flag ? t("common.yes") : t("common.no"));
  return (
    <div className="table-wrap">
      <table className="table merge-table">
        <caption className="visually-hidden">{t("customers.merge.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("customers.merge.field")}</th>
            <th scope="col">{t("customers.merge.survivor")}</th>
            <th scope="col">{t("customers.merge.duplicate")}</th>
            <th scope="col">{t("customers.merge.result")}</th>
          </tr>
        </thead>
        <tbody>
          {fieldOutcomes(survivor, duplicate).filter((row) => row.result !== "empty").map((row) => {
            const label = t(`customers.fields.${row.field}`);
            const fromDuplicate = picked.includes(row.field);
            const result = fromDuplicate || row.result === "duplicate" ? row.duplicate : row.survivor;
            return (
              <tr key={row.field} className={row.choice ? "merge-conflict" : undefined}>
                <th scope="row">{label}</th>
                {row.choice ? (
                  <>
                    <td>
                      <label className="merge-choice">
                        <input type="radio" name={`pick-${row.field}`} checked={!fromDuplicate} onChange={() => onPick(row.field, false)} />
                        <span>{row.survivor}</span>
                        <span className="visually-hidden">{t("customers.merge.keepFor", { field: label })}</span>
                      </label>
                    </td>
                    <td>
                      <label className="merge-choice">
                        <input type="radio" name={`pick-${row.field}`} checked={fromDuplicate} onChange={() => onPick(row.field, true)} />
                        <span>{row.duplicate}</span>
                        <span className="visually-hidden">{t("customers.merge.useFor", { field: label })}</span>
                      </label>
                    </td>
                  </>
                ) : (
                  <>
                    <td>{row.survivor ?? empty}</td>
                    <td>{row.duplicate ?? empty}</td>
                  </>
                )}
                <td>
                  {result}
                  {row.result === "duplicate" && <span className="chip merge-note">{t("customers.merge.filled")}</span>}
                </td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">{t("customers.fields.tags")}</th>
            <td>{survivor.tags.join(", ") || empty}</td>
            <td>{duplicate.tags.join(", ") || empty}</td>
            <td>
              {unitedTags(survivor, duplicate).join(", ") || empty}
              <span className="chip merge-note">{t("customers.merge.united")}</span>
            </td>
          </tr>
          {(["emailConsent", "smsConsent"] as const).map((flag) => (
            <tr key={flag}>
              <th scope="row">{t(`customers.fields.${flag}`)}</th>
              <td>{yesNo(survivor[flag])}</td>
              <td>{yesNo(duplicate[flag])}</td>
              <td>
                {yesNo(consent[flag])}
                <span className="chip merge-note">{t("customers.merge.newestConsent")}</span>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("customers.fields.createdAt")}</th>
            <td>{f.date(survivor.createdAt)}</td>
            <td>{f.date(duplicate.createdAt)}</td>
            <td>{f.date(survivor.createdAt < duplicate.createdAt ? survivor.createdAt : duplicate.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">{t("customers.identities.title")}</th>
            <td>{survivor.identities?.length ? survivor.identities.map((identity) => identity.platform).join(", ") : empty}</td>
            <td>{duplicate.identities?.length ? duplicate.identities.map((identity) => identity.platform).join(", ") : empty}</td>
            <td>{t("customers.merge.moved")}</td>
          </tr>
        </tbody>
      </table>
      {hidden > 0 && <p className="muted small merge-hidden">{t("customers.merge.emptyHidden", { n: hidden })}</p>}
    </div>
  );
}
