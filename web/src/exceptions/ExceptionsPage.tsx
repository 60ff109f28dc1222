import { useSearchParams } from 'react-router';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import type { FindingFilterInput } from '../gql/graphql';
import { exportHref, SORTS, stateFromParams, withFilter, withParams, type FindingsView } from './finding-filter';
import { FindingFilters } from './FindingFilters';
import { ACTIVE_STATUSES } from './finding-vocabulary';
import { FindingGroups } from './FindingGroups';
import { FindingList } from './FindingList';
import { FindingPanel } from './FindingPanel';
import { FindingTiles } from './FindingTiles';
import { RejectedMessages } from './RejectedMessages';
import './exceptions.css';

const VIEWS: readonly { view: FindingsView; label: string }[] = [
  { view: 'list', label: 'List' },
  { view: 'groups', label: 'Grouped by cause' },
  { view: 'rejected', label: 'Rejected messages' },
];

/** IT support's home: the triage queue of reconciliation findings. Everything a person would share is in the URL. */
export function ExceptionsPage() {
  const [params, setParams] = useSearchParams();
  const state = stateFromParams(params);
  const { filter, view } = state;
  const { permissions } = usePerson();
  const canTriage = holdsAny(permissions, ['findings:triage']);
  const canHandleLetters = holdsAny(permissions, ['deadletters:handle']);

  const applyFilter = (next: FindingFilterInput) => setParams((current) => withFilter(current, next));
  const set = (changes: Record<string, string | null>) => setParams((current) => withParams(current, changes));
  const sort = SORTS.find((s) => s.order === state.orderBy) ?? SORTS[0];

  return (
    <section className="page exceptions">
      <h1 className="page__title">Exceptions</h1>
      <p className="page__lead">
        What reconciliation found between device events and ERP postings, in your plants. Times are in your time zone; hover for
        UTC.
      </p>
      {view !== 'rejected' && (
        <>
          <FindingTiles filter={filter} onPick={(type) => applyFilter({ ...filter, types: type ? [type] : undefined })} />
          <FindingFilters filter={filter} onApply={applyFilter} onClear={() => applyFilter({ statuses: [...ACTIVE_STATUSES] })} />
        </>
      )}
      <div className="toolbar">
        <div className="toolbar__views" role="group" aria-label="View">
          {VIEWS.map((v) => (
            <button
              key={v.view}
              type="button"
              className="button button--small"
              aria-pressed={view === v.view}
              onClick={() => set({ view: v.view === 'list' ? null : v.view })}
            >
              {v.label}
            </button>
          ))}
        </div>
        {view === 'list' && (
          <div className="toolbar__sort">
            <label htmlFor="findings-sort">Sort by</label>
            <select
              id="findings-sort"
              value={sort.param}
              onChange={(e) => set({ sort: e.target.value === 'value' ? null : e.target.value })}
            >
              {SORTS.map((s) => (
                <option key={s.param} value={s.param}>
                  {s.label}
                </option>
              ))}
            </select>
            <label htmlFor="findings-dir" className="visually-hidden">
              Direction
            </label>
            <select
              id="findings-dir"
              value={state.descending ? 'desc' : 'asc'}
              onChange={(e) => set({ dir: e.target.value === 'asc' ? 'asc' : null })}
            >
              <option value="desc">Descending</option>
              <option value="asc">Ascending</option>
            </select>
          </div>
        )}
        {view !== 'rejected' && (
          <div className="toolbar__export">
            <a className="button button--small" href={exportHref(filter, 'csv')} download>
              Export CSV
            </a>
            <a className="button button--small" href={exportHref(filter, 'ndjson')} download>
              Export NDJSON
            </a>
          </div>
        )}
      </div>
      {view === 'rejected' ? (
        <RejectedMessages canHandle={canHandleLetters} />
      ) : (
        <div className={state.finding ? 'exceptions__body exceptions__body--panel' : 'exceptions__body'}>
          <div className="exceptions__main">
            {view === 'groups' ? (
              <FindingGroups filter={filter} canTriage={canTriage} />
            ) : (
              <FindingList
                filter={filter}
                orderBy={state.orderBy}
                descending={state.descending}
                after={state.after}
                openId={state.finding}
                canTriage={canTriage}
              />
            )}
          </div>
          {state.finding && (
            <FindingPanel key={state.finding} id={state.finding} canTriage={canTriage} onClose={() => set({ finding: null })} />
          )}
        </div>
      )}
    </section>
  );
}
