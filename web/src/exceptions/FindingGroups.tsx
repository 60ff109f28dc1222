import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { Time } from '../app/Time';
import type { FindingFilterInput } from '../gql/graphql';
import { groupFilter, withFilter, withParams } from './finding-filter';
import { countText, findingsText, hourLater, moneyText } from './finding-format';
import { statusLabel, typeLabel } from './finding-vocabulary';
import { FindingActions } from './FindingActions';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import { ReplayButton } from '../replay/ReplayDialog';
import { REPLAYABLE } from '../replay/replay-format';
import { SeverityBadge } from './FindingBadges';
import { GROUPS_SHOWN, useFindingGroups, type FindingGroup } from './useFindings';

const hourFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "1 Dec 2026, 14:00–15:00" in the viewer's zone. */
function hourText(iso: string): string {
  return `${hourFormat.format(new Date(iso))}–${timeFormat.format(new Date(hourLater(iso)))}`;
}

function groupName(g: FindingGroup): string {
  return `${typeLabel(g.type)} ${g.plant} ${g.line || 'no line'} ${g.flow || 'no flow'} ${hourText(g.hour)}`;
}

interface GroupRowProps {
  group: FindingGroup;
  filter: FindingFilterInput;
  canTriage: boolean;
  onDone: (text: string) => void;
}

function GroupRow({ group: g, filter, canTriage, onDone }: GroupRowProps) {
  const [params] = useSearchParams();
  const canReplay = holdsAny(usePerson().permissions, ['replay:run']);
  const own = groupFilter(g, filter);
  const inList = withParams(withFilter(params, own), { view: null });
  // An action touches the findings the row counted, not those found since it was read.
  const counted = { ...own, firstSeenUntil: g.readAt };
  return (
    <tr data-testid="finding-group">
      <td>{typeLabel(g.type)}</td>
      <td>{g.plant}</td>
      <td>{g.line || '–'}</td>
      <td>{g.flow || '–'}</td>
      <td className="nowrap">
        <Time iso={g.hour}>{hourText(g.hour)}</Time>
      </td>
      <td className="num">{countText(g.count)}</td>
      <td className="num">{countText(g.activeCount)}</td>
      <td className="nowrap num">{moneyText(g.valueAtRisk, g.currency)}</td>
      <td className="nowrap">
        <SeverityBadge severity={g.worstSeverity} />
      </td>
      <td>{g.statuses.map(statusLabel).join(', ')}</td>
      <td>
        <div className="group-actions">
          <Link className="button button--small" to={{ search: inList.toString() }}>
            Show {findingsText(g.count)}
            <span className="visually-hidden"> of {groupName(g)}</span>
          </Link>
          {canTriage && (
            <FindingActions
              scope={{ target: { filter: counted }, count: g.count, what: `the ${findingsText(g.count)} of this group` }}
              context={groupName(g)}
              onDone={onDone}
            />
          )}
          {canReplay && REPLAYABLE.includes(g.type) && (
            <ReplayButton
              source={{ filter: counted }}
              what={`the ${findingsText(g.count)} of this group`}
              count={g.count}
              label={`Replay ${findingsText(g.count)}…`}
              onDone={onDone}
            />
          )}
        </div>
      </td>
    </tr>
  );
}

/**
 * What one cause produced (same type, plant, line, flow and hour), one row each, largest value
 * first; each row's actions apply to its findings within the page's filter.
 */
export function FindingGroups({ filter, canTriage }: { filter: FindingFilterInput; canTriage: boolean }) {
  const [{ data, error, fetching }] = useFindingGroups(filter);
  const [done, setDone] = useState<string | null>(null);
  if (error) {
    return (
      <p className="page__error" role="alert">
        Could not load the groups: {errorMessage(error)}
      </p>
    );
  }
  if (!data) return <p role="status">Loading groups…</p>;
  const groups = data.findingGroups;
  return (
    <div className="finding-groups">
      <p className="muted" role="status" data-testid="groups-count">
        {groups.length === 1 ? '1 group' : `${countText(groups.length)} groups`}
        {groups.length === GROUPS_SHOWN ? ` (the ${GROUPS_SHOWN} of largest value)` : ''}
        {fetching ? ' · refreshing…' : ''}
      </p>
      {done && (
        <p className="form__ok" role="status" data-testid="bulk-result">
          {done}
        </p>
      )}
      {groups.length === 0 ? (
        <p className="page__empty">No findings match.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="groups-table">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Plant</th>
                <th scope="col">Line</th>
                <th scope="col">Flow</th>
                <th scope="col">Hour</th>
                <th scope="col">Findings</th>
                <th scope="col">Active</th>
                <th scope="col">Value at risk</th>
                <th scope="col">Worst severity</th>
                <th scope="col">Statuses</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <GroupRow
                  key={`${g.type}|${g.plant}|${g.line}|${g.flow}|${g.hour}`}
                  group={g}
                  filter={filter}
                  canTriage={canTriage}
                  onDone={setDone}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
