import { useMemo, useState } from "react";
import { useT } from "../../i18n/i18n.tsx";
import type { AttributeInfo, FieldInfo } from "./catalogue.ts";
import {
  appendChild,
  countConditions,
  fitsDepth,
  MAX_CONDITIONS,
  MAX_DEPTH,
  newCondition,
  newGroup,
  removeNode,
  updateNode,
  type DraftNode,
  type GroupDraft,
} from "./filter-draft.ts";
import type { NodeIssue } from "./filter-issues.ts";
import { FilterGroup, type GroupActions } from "./filter-group.tsx";

type Props = {
  draft: GroupDraft;
  onChange(draft: GroupDraft): void;
  fields: readonly FieldInfo[];
  attributes: readonly AttributeInfo[];
  issues: Map<string, NodeIssue[]>;
};

/** Numbers conditions and groups in reading order, so "condition 3" names one row wherever it sits. */
function numberNodes(root: GroupDraft): Map<string, number> {
  const numbers = new Map<string, number>();
  let conditions = 0;
  let groups = 0;
  const visit = (node: DraftNode) => {
    numbers.set(node.id, node.kind === "condition" ? ++conditions : ++groups);
    if (node.kind === "group") node.children.forEach(visit);
  };
  visit(root);
  return numbers;
}

function parentOf(group: GroupDraft, id: string): GroupDraft | undefined {
  for (const child of group.children) {
    if (child.id === id) return group;
    if (child.kind === "group") {
      const found = parentOf(child, id);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The visual editor of a segment's filter: nested groups of conditions within the API's bounds.
 * A new condition takes the focus; removing one gives it to its group's "Add condition" button.
 */
export function FilterBuilder({ draft, onChange, fields, attributes, issues }: Props) {
  const t = useT();
  const [fresh, setFresh] = useState<string | null>(null);
  const numbers = useMemo(() => numberNodes(draft), [draft]);
  const conditions = countConditions(draft);
  const actions: GroupActions = {
    change: (node) => onChange(updateNode(draft, node.id, () => node)),
    remove(id) {
      const parent = parentOf(draft, id);
      onChange(removeNode(draft, id));
      setFresh(null);
      if (parent) requestAnimationFrame(() => document.getElementById(`${parent.id}-add`)?.focus());
    },
    addCondition(groupId) {
      const condition = newCondition();
      setFresh(condition.id);
      onChange(appendChild(draft, groupId, condition));
    },
    addGroup(groupId) {
      const group = newGroup();
      setFresh(group.children[0]!.id);
      onChange(appendChild(draft, groupId, group));
    },
    canAddGroup: (groupId) => fitsDepth(appendChild(draft, groupId, newGroup())),
    canBeNone: (groupId) => fitsDepth(updateNode(draft, groupId, (node) => ({ ...(node as GroupDraft), mode: "none" }))),
    canAddCondition: conditions < MAX_CONDITIONS,
  };
  return (
    <div className="filter-builder">
      <FilterGroup group={draft} root numbers={numbers} fields={fields} attributes={attributes} issues={issues} fresh={fresh} actions={actions} />
      <p className="muted small">
        {conditions >= MAX_CONDITIONS ? t("segments.builder.conditionLimit", { n: MAX_CONDITIONS }) : t("segments.builder.depthLimit", { n: MAX_DEPTH })}
      </p>
    </div>
  );
}
