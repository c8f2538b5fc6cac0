import { RFM_SEGMENTS } from "../../../../src/analytics/rfm.ts";
import type { MessageKey, Vars } from "./translate.ts";

export { RFM_SEGMENTS };

/** An RFM segment's name as the API gives it, in the interface's language; an unknown name as it is. */
export function rfmSegmentLabel(t: (key: MessageKey, vars?: Vars) => string, name: string): string {
  return (RFM_SEGMENTS as readonly string[]).includes(name) ? t(`common.rfmSegments.${name}` as MessageKey) : name;
}
