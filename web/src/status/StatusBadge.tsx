import { readinessLabel, readinessTooltip } from './readiness';
import { useReadiness } from './useReadiness';

export function StatusBadge() {
  const state = useReadiness();
  return (
    <span
      className={`status-badge status-badge--${state.status}`}
      data-testid="status-badge"
      data-status={state.status}
      title={readinessTooltip(state)}
      role="status"
      aria-live="polite"
    >
      <span className="status-badge__dot" aria-hidden="true" />
      {readinessLabel(state)}
    </span>
  );
}
