import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { Time } from '../app/Time';
import { fromLocalInput, toLocalInput } from '../app/local-time';
import { filterFromParams, OUTCOMES, paramsFromFilter } from './audit-filter';
import { AUDIT_PAGE_SIZE, useAuditLog, type AuditEntry } from './useAuditLog';
import { Pager } from '../app/Pager';

function formatJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Filters() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    setParams(
      paramsFromFilter({
        actor: text('actor'),
        operation: text('operation'),
        outcome: text('outcome'),
        from: fromLocalInput(text('from')),
        to: fromLocalInput(text('to')),
      }),
    );
  };

  return (
    // Keyed by the URL: Back, Forward and "Clear" show the filter the URL holds.
    <form key={paramsFromFilter(filter).toString()} className="card filters" onSubmit={apply} aria-label="Filter the audit trail">
      <div className="field">
        <label className="field__label" htmlFor="audit-actor">
          Actor
        </label>
        <input id="audit-actor" name="actor" defaultValue={filter.actor ?? ''} placeholder="username" />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-operation">
          Operation
        </label>
        <input id="audit-operation" name="operation" defaultValue={filter.operation ?? ''} placeholder="e.g. createUser" />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-outcome">
          Outcome
        </label>
        <select id="audit-outcome" name="outcome" defaultValue={filter.outcome ?? ''}>
          <option value="">Any</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-from">
          From (your time)
        </label>
        <input id="audit-from" name="from" type="datetime-local" defaultValue={toLocalInput(filter.from)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-to">
          Until (your time)
        </label>
        <input id="audit-to" name="to" type="datetime-local" defaultValue={toLocalInput(filter.to)} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        <button type="button" className="button" onClick={() => setParams(new URLSearchParams())}>
          Clear
        </button>
      </div>
    </form>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  return (
    <details className="changes">
      <summary>Details</summary>
      {entry.before && (
        <>
          <h4>Before</h4>
          <pre>{formatJson(entry.before)}</pre>
        </>
      )}
      {entry.after && (
        <>
          <h4>After</h4>
          <pre>{formatJson(entry.after)}</pre>
        </>
      )}
      <p className="changes__meta">
        From {entry.clientAddress || 'unknown address'}, request {entry.requestId}
      </p>
    </details>
  );
}

function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <table className="table" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Operation</th>
          <th scope="col">Target</th>
          <th scope="col">Outcome</th>
          <th scope="col">Error</th>
          <th scope="col">Changes</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="nowrap">
              <Time iso={e.at} />
            </td>
            <td>
              {e.actor}
              {(e.actorRole || e.actorKind !== 'user') && (
                <span className="muted">
                  {' '}
                  ({[e.actorRole, e.actorKind !== 'user' ? e.actorKind : ''].filter(Boolean).join(', ')})
                </span>
              )}
            </td>
            <td>{e.operation}</td>
            <td>
              {e.targetType} {e.targetId}
            </td>
            <td>
              <span className={`pill pill--${e.outcome === 'success' ? 'ok' : 'bad'}`}>{e.outcome}</span>
            </td>
            <td>{e.error ?? ''}</td>
            <td>
              <Changes entry={e} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const after = params.get('after');
  const [{ data, error, fetching }] = useAuditLog(filterFromParams(params), after);
  const page = data?.auditLog;

  const goTo = (cursor: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (cursor) next.set('after', cursor);
      else next.delete('after');
      return next;
    });

  return (
    <section className="page">
      <h1 className="page__title">Audit</h1>
      <p className="page__lead">
        Every change and every refused attempt, newest first. Times are in your time zone; hover for UTC.
      </p>
      <Filters />
      {error && (
        <p className="page__error" role="alert">
          Could not load the audit trail: {errorMessage(error)}
        </p>
      )}
      {!page && !error && <p role="status">Loading…</p>}
      {page && (
        <p className="muted" role="status" data-testid="audit-count">
          {page.totalCount === 1 ? '1 entry' : `${page.totalCount} entries`} match
          {after ? ` (a later page, ${AUDIT_PAGE_SIZE} per page)` : ''}
          {fetching ? ' · refreshing…' : ''}
        </p>
      )}
      {page && page.nodes.length === 0 && <p className="page__empty">No entries match these filters.</p>}
      {page && page.nodes.length > 0 && <AuditTable entries={page.nodes} />}
      {page && <Pager after={after} pageInfo={page.pageInfo} goTo={goTo} />}
    </section>
  );
}
