import { useT } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";
import type { AttributeInfo, FieldInfo } from "./catalogue.ts";
import { ConditionRow } from "./condition-row.tsx";
import type { DraftNode, GroupDraft, GroupMode } from "./filter-draft.ts";
import type { NodeIssue } from "./filter-issues.ts";

export type GroupActions = {
  change(node: DraftNode): void;
  remove(id: string): void;
  addCondition(groupId: string): void;
  addGroup(groupId: string): void;
  /** Whether a nested group may go into this group, or this group may become "none", within the API's depth. */
  canAddGroup(groupId: string): boolean;
  canBeNone(groupId: string): boolean;
  canAddCondition: boolean;
};

type Props = {
  group: GroupDraft;
  root: boolean;
  numbers: Map<string, number>;
  fields: readonly FieldInfo[];
  attributes: readonly AttributeInfo[];
  issues: Map<string, NodeIssue[]>;
  fresh: string | null;
  actions: GroupActions;
};

const MODES: GroupMode[] = ["all", "any", "none"];

/** A group of conditions joined by all / any / none, with its own conditions and nested groups. */
export function FilterGroup({ group, root, numbers, fields, attributes, issues, fresh, actions }: Props) {
  const t = useT();
  const n = numbers.get(group.id) ?? 1;
  const groupIssues = issues.get(group.id) ?? [];
  return (
    <div role="group" aria-label={t("segments.builder.group", { n })} className={root ? "filter-group filter-root" : "filter-group"}>
      <div className="filter-group-header">
        <div className="field">
          <label htmlFor={`${group.id}-mode`}>
            {t("segments.builder.match")}
          </label>
          <select id={`${group.id}-mode`} aria-label={t("segments.builder.matchOf", { n })} value={group.mode} onChange={(event) => actions.change({ ...group, mode: event.target.value as GroupMode })}>
            {MODES.map((mode) => (
              <option key={mode} value={mode} disabled={mode === "none" && group.mode !== "none" && !actions.canBeNone(group.id)}>
                {t(`segments.builder.modes.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        {!root && (
          <Button variant="ghost" className="filter-group-remove" onClick={() => actions.remove(group.id)}>
            {t("segments.builder.removeGroup", { n })}
          </Button>
        )}
      </div>
      {groupIssues.length > 0 && (
        <ul className="field-error condition-errors" id={`${group.id}-error`}>
          {groupIssues.map((issue) => (
            <li key={issue.message}>{issue.message}</li>
          ))}
        </ul>
      )}
      {group.children.length === 0 ? (
        <p className="muted small">{t("segments.builder.emptyGroup")}</p>
      ) : (
        <ol className="filter-children">
          {group.children.map((child, index) => (
            <li key={child.id}>
              {index > 0 && (
                <span className="filter-joiner" aria-hidden="true">
                  {t(`segments.builder.joiners.${group.mode}`)}
                </span>
              )}
              {child.kind === "condition" ? (
                <ConditionRow
                  condition={child}
                  n={numbers.get(child.id) ?? 0}
                  fields={fields}
                  attributes={attributes}
                  issues={issues.get(child.id) ?? []}
                  autoFocus={fresh === child.id}
                  onChange={actions.change}
                  onRemove={() => actions.remove(child.id)}
                />
              ) : (
                <FilterGroup group={child} root={false} numbers={numbers} fields={fields} attributes={attributes} issues={issues} fresh={fresh} actions={actions} />
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="filter-group-actions">
        <Button id={`${group.id}-add`} aria-label={t("segments.builder.addConditionTo", { n })} onClick={() => actions.addCondition(group.id)} disabled={!actions.canAddCondition}>
          <span aria-hidden="true">+</span> {t("segments.builder.addCondition")}
        </Button>
        <Button aria-label={t("segments.builder.addGroupTo", { n })} onClick={() => actions.addGroup(group.id)} disabled={!actions.canAddCondition || !actions.canAddGroup(group.id)}>
          <span aria-hidden="true">+</span> {t("segments.builder.addGroup")}
        </Button>
      </div>
    </div>
  );
}
