import { useT } from "../../i18n/i18n.tsx";
import { fieldInfo, operatorsFor, type AttributeInfo, type FieldGroup, type FieldInfo } from "./catalogue.ts";
import type { ConditionDraft } from "./filter-draft.ts";
import type { NodeIssue } from "./filter-issues.ts";
import { fieldLabel, operatorLabel } from "./labels.ts";
import { ValueInput } from "./value-input.tsx";

type Props = {
  condition: ConditionDraft;
  n: number;
  fields: readonly FieldInfo[];
  attributes: readonly AttributeInfo[];
  issues: NodeIssue[];
  autoFocus: boolean;
  onChange(next: ConditionDraft): void;
  onRemove(): void;
};

const GROUPS: FieldGroup[] = ["customer", "score", "tag", "attribute"];

/**
 * A field's draft when the field changes: the operator stays if the new field allows it, and the
 * value stays if it is entered the same way.
 */
function switchField(condition: ConditionDraft, from: FieldInfo, to: FieldInfo, attributes: readonly AttributeInfo[]): ConditionDraft {
  const ops = operatorsFor(to, attributes);
  const op = ops.includes(condition.op) ? condition.op : ops[0]!;
  const sameEntry = from.kind === to.kind && from.choices === to.choices;
  return sameEntry ? { ...condition, field: to.name, op } : { ...condition, field: to.name, op, value: "", to: "", picked: [] };
}

/** One condition: field, operator and value, each labelled with the condition's number, and the API's complaints under them. */
export function ConditionRow({ condition, n, fields, attributes, issues, autoFocus, onChange, onRemove }: Props) {
  const t = useT();
  const field = fieldInfo(fields, condition.field);
  const ops = operatorsFor(field, attributes);
  const errorId = `${condition.id}-error`;
  const about = (part: NodeIssue["part"]) => issues.some((issue) => issue.part === part || (part === "field" && issue.part === null));
  const invalid = (part: NodeIssue["part"]) => (about(part) ? { "aria-invalid": true as const, "aria-describedby": errorId } : {});
  const known = fields.some((entry) => entry.name === field.name);
  return (
    <div className={issues.length ? "condition condition-invalid" : "condition"}>
      <div className="condition-controls">
        <span className="condition-number" aria-hidden="true">
          {n}
        </span>
        <div className="field condition-field">
          <label htmlFor={`${condition.id}-field`}>
            {t("segments.builder.field")}
          </label>
          <select
            id={`${condition.id}-field`}
            aria-label={t("segments.builder.fieldOf", { n })}
            value={field.name}
            autoFocus={autoFocus}
            {...invalid("field")}
            onChange={(event) => onChange(switchField(condition, field, fieldInfo(fields, event.target.value), attributes))}
          >
            {!known && <option value={field.name}>{field.name}</option>}
            {GROUPS.map((group) => {
              const entries = fields.filter((entry) => entry.group === group);
              return (
                entries.length > 0 && (
                  <optgroup key={group} label={t(`segments.fieldGroups.${group}`)}>
                    {entries.map((entry) => (
                      <option key={entry.name} value={entry.name}>
                        {fieldLabel(t, entry)}
                      </option>
                    ))}
                  </optgroup>
                )
              );
            })}
          </select>
        </div>
        <div className="field condition-op">
          <label htmlFor={`${condition.id}-op`}>
            {t("segments.builder.operator")}
          </label>
          <select id={`${condition.id}-op`} aria-label={t("segments.builder.operatorOf", { n })} value={condition.op} {...invalid("op")} onChange={(event) => onChange({ ...condition, op: event.target.value as ConditionDraft["op"] })}>
            {!ops.includes(condition.op) && <option value={condition.op}>{condition.op}</option>}
            {ops.map((op) => (
              <option key={op} value={op}>
                {operatorLabel(t, field, op)}
              </option>
            ))}
          </select>
        </div>
        <ValueInput
          id={`${condition.id}-value`}
          n={n}
          condition={condition}
          field={field}
          error={about("value") ? { id: errorId } : undefined}
          onChange={(change) => onChange({ ...condition, ...change })}
        />
        <button type="button" className="icon-button condition-remove" aria-label={t("segments.builder.removeCondition", { n })} title={t("segments.builder.removeCondition", { n })} onClick={onRemove}>
          ×
        </button>
      </div>
      {issues.length > 0 && (
        <ul className="condition-errors field-error" id={errorId}>
          {issues.map((issue) => (
            <li key={`${issue.part}:${issue.message}`}>
              {issue.part && <span className="condition-error-part">{t(`segments.builder.${issue.part === "op" ? "operator" : issue.part}`)}: </span>}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
