import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { Pager } from '../app/Pager';
import { Time } from '../app/Time';
import { LIST_PARAMS, RANGES, STATUS_OPTIONS, filterOf, paramsOf, stateFromParams, type SearchState } from './trace-search';
import { OutcomeBadge, StageChips } from './TraceBadges';
import { useTraceSearch } from './useTraces';
import { durationText } from './waterfall';
import './traces.css';

const MATCHED_AS: Record<string, string> = {
  correlation_id: 'correlation id',
  business_key: 'device event id',
  order: 'order',
  batch: 'batch',
  document: 'ERP document',
  asset: 'asset',
  material: 'material',
};

const TEXT_FILTERS = [
  { field: 'plants', label: 'Plants' },
  { field: 'lines', label: 'Lines' },
  { field: 'flows', label: 'Flows' },
  { field: 'stages', label: 'Stages' },
  { field: 'systems', label: 'Systems' },
] as const;
type TextField = (typeof TEXT_FILTERS)[number]['field'];

/** The search form: its own draft until submitted, so typing does not search on every key. */
function SearchForm({ state, onSearch }: { state: SearchState; onSearch: (next: SearchState) => void }) {
  const textsOf = (s: SearchState) =>
    Object.fromEntries(TEXT_FILTERS.map((f) => [f.field, s.lists[f.field].join(', ')])) as Record<TextField, string>;
  const [draft, setDraft] = useState(state);
  const [texts, setTexts] = useState(() => textsOf(state));
  useEffect(() => {
    setDraft(state);
    setTexts(textsOf(state));
  }, [state]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lists = { ...draft.lists };
    for (const f of TEXT_FILTERS)
      lists[f.field] = texts[f.field]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    onSearch({ ...draft, lists });
  };
  const toggleStatus = (value: string) => {
    const has = draft.lists.statuses.includes(value);
    setDraft({
      ...draft,
      lists: {
        ...draft.lists,
        statuses: has ? draft.lists.statuses.filter((s) => s !== value) : [...draft.lists.statuses, value],
      },
    });
  };
  return (
    <form className="trace-search card" role="search" onSubmit={submit}>
      <div className="trace-search__box">
        <label htmlFor="trace-q">Find a message</label>
        <input
          id="trace-q"
          type="search"
          value={draft.q}
          placeholder="Correlation id, device event id, ERP document, order, batch, asset or material"
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          autoComplete="off"
        />
        <button type="submit" className="button button--primary">
          Search
        </button>
      </div>
      <div className="trace-search__filters">
        {TEXT_FILTERS.map((f) => (
          <label key={f.field}>
            {f.label}
            <input
              type="text"
              value={texts[f.field]}
              onChange={(e) => setTexts({ ...texts, [f.field]: e.target.value })}
              placeholder="any"
            />
          </label>
        ))}
        <label>
          First hop
          <select value={draft.range} onChange={(e) => setDraft({ ...draft, range: e.target.value })}>
            {RANGES.map((r) => (
              <option key={r.param} value={r.param}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="checks">
          <legend>Status</legend>
          {STATUS_OPTIONS.map((o) => (
            <label key={o.value}>
              <input type="checkbox" checked={draft.lists.statuses.includes(o.value)} onChange={() => toggleStatus(o.value)} />{' '}
              {o.label}
            </label>
          ))}
        </fieldset>
      </div>
    </form>
  );
}

/**
 * IT support's way in: find a message by whatever is in hand, then open its waterfall. The search
 * sits in the URL (trace-search.ts).
 */
export function TracesPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const state = useMemo(() => stateFromParams(params), [params]);
  // The range's start is fixed when the search changes, not on every render.
  const filter = useMemo(() => filterOf(state, Date.now()), [state]);
  const { data, fetching, error } = useTraceSearch(state.q, filter, state.after);
  const result = data?.traceSearch;
  const nodes = result?.nodes ?? [];

  // From a finding's device event: open the message straight away when it is the only match.
  useEffect(() => {
    if (state.open && result && nodes.length === 1 && !result.pageInfo.hasNextPage)
      void navigate(`/traces/${encodeURIComponent(nodes[0].correlationId)}`, { replace: true });
  }, [state.open, result, nodes, navigate]);

  const search = (next: SearchState) => setParams(paramsOf(next));
  const goTo = (cursor: string | null) =>
    setParams((current) => {
      const p = new URLSearchParams(current);
      if (cursor) p.set('after', cursor);
      else p.delete('after');
      return p;
    });

  return (
    <section className="page traces">
      <h1 className="page__title">Traces</h1>
      <p className="page__lead">
        Follow one message from the device to the ERP posting. Without a search text, the messages of the last day (or the range
        chosen) are listed, newest first. Times are in your time zone; hover for UTC.
      </p>
      <SearchForm state={state} onSearch={search} />
      <div aria-live="polite" className="traces__status">
        {fetching && !result && <p className="muted">Searching…</p>}
        {error && <p className="page__error">Could not search: {errorMessage(error)}</p>}
        {result && !fetching && nodes.length === 0 && (
          <p className="page__empty" data-testid="no-match">
            {state.q ? `No message matches “${state.q.slice(0, 80)}”` : 'No message'}{' '}
            {state.range || !state.q ? 'in this range' : ''}
            {Object.values(state.lists).some((l) => l.length) ? ' with these filters' : ''}.
          </p>
        )}
        {result && result.matchedAs.length > 0 && (
          <p className="muted">Matched as {result.matchedAs.map((m) => MATCHED_AS[m] ?? m).join(', ')}.</p>
        )}
      </div>
      {nodes.length > 0 && (
        <table className="table trace-results" aria-label="Messages">
          <thead>
            <tr>
              <th scope="col">Correlation id</th>
              <th scope="col">Where</th>
              <th scope="col">First hop</th>
              <th scope="col">Stages reached</th>
              <th scope="col">End to end</th>
              <th scope="col">Status</th>
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((m) => (
              <tr key={`${m.correlationId}/${m.plant}`}>
                <td>
                  <Link to={`/traces/${encodeURIComponent(m.correlationId)}`}>
                    <code>{m.correlationId}</code>
                  </Link>
                  {m.businessKey && <div className="muted">event {m.businessKey}</div>}
                </td>
                <td>
                  {m.plant} / {m.line || '–'}
                  <div className="muted">{m.flow}</div>
                </td>
                <td>
                  <Time iso={m.firstHopAt} />
                </td>
                <td>
                  <StageChips stages={m.stages} missing={m.missingStages} />
                </td>
                <td>{durationText(m.durationMs)}</td>
                <td>
                  <OutcomeBadge outcome={m.outcome} hasError={m.hasError} />
                </td>
                <td>{m.findingCount > 0 ? m.findingCount : <span className="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result && <Pager after={state.after} pageInfo={result.pageInfo} goTo={goTo} />}
      <p className="muted traces__hint">
        Filters take comma-separated lists ({Object.keys(LIST_PARAMS).join(', ')} in the address).
      </p>
    </section>
  );
}
