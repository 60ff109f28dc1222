/** A message's outcome as a symbol and a word; the colour only repeats what both say. */
const OUTCOMES: Record<string, { symbol: string; label: string }> = {
  posted: { symbol: '✓', label: 'Posted' },
  failed: { symbol: '✕', label: 'Failed' },
  in_progress: { symbol: '…', label: 'In progress' },
};

export function OutcomeBadge({ outcome, hasError }: { outcome: string; hasError: boolean }) {
  const o = OUTCOMES[outcome] ?? { symbol: '?', label: outcome };
  return (
    <span className={`outcome outcome--${outcome}`}>
      <span aria-hidden="true">{o.symbol}</span> {o.label}
      {hasError && outcome === 'posted' && <span className="muted"> after an error</span>}
    </span>
  );
}

/** The stages a message reached, and those it skipped (shown, not hidden). */
export function StageChips({ stages, missing }: { stages: readonly string[]; missing: readonly string[] }) {
  return (
    <ul className="stage-chips" aria-label="Stages">
      {stages.map((s) => (
        <li key={s} className="stage-chip">
          {s}
        </li>
      ))}
      {missing.map((s) => (
        <li key={`missing-${s}`} className="stage-chip stage-chip--missing" title={`No ${s} hop`}>
          <span aria-hidden="true">⚠</span> no {s}
        </li>
      ))}
    </ul>
  );
}
