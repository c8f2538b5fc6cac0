/** What every stage of a run needs to know about it and its tenant. */
export type RunContext = {
  tenantId: string;
  runId: string;
  asOf: Date;
  timeZone: string;
  currency: string;
};

/** BG/NBD and CLV measure time in weeks; scores store days. */
export const DAYS_PER_WEEK = 7;
