/** A progress bar that screen readers announce; indeterminate while the total is unknown. */
export function ProgressBar({ value, max = 1, label, detail }: { value: number | null; max?: number; label: string; detail?: string }) {
  const ratio = value === null || max <= 0 ? null : Math.min(1, Math.max(0, value / max));
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        {detail && <span className="muted">{detail}</span>}
      </div>
      <div
        className={ratio === null ? "progress-track indeterminate" : "progress-track"}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={ratio === null ? undefined : Math.round(ratio * 100)}
        aria-valuetext={detail}
      >
        <div className="progress-fill" style={{ width: ratio === null ? undefined : `${ratio * 100}%` }} />
      </div>
    </div>
  );
}
