import { Link } from 'react-router';
import { severityLabel, severitySymbol, statusLabel, isActiveStatus } from './finding-vocabulary';

/** Severity as a symbol and a word; the colour only repeats what both say. */
export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span className={`severity severity--${severity}`}>
      <span className="severity__symbol" aria-hidden="true">
        {severitySymbol(severity)}
      </span>{' '}
      {severityLabel(severity)}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`pill ${isActiveStatus(status) ? 'pill--active' : 'pill--done'}`}>{statusLabel(status)}</span>;
}

/** A message's correlation id, linked to its trace (every id on the page goes through here). */
export function CorrelationId({ id }: { id: string }) {
  return (
    <Link className="correlation-id" data-correlation-id={id} to={`/traces/${encodeURIComponent(id)}`}>
      <code>{id}</code>
    </Link>
  );
}
