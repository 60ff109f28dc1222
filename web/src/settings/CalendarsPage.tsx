import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { FormActions, FormError, formErrors, TextField } from '../app/form';
import { graphql } from '../gql';
import type { PlantCalendarsQuery } from '../gql/graphql';

const PlantCalendarsDocument = graphql(`
  query PlantCalendars {
    plantCalendars {
      plant
      timezone
      silentMinutes
      shifts {
        weekday
        start
        end
      }
      stops {
        startsAt
        endsAt
        reason
      }
      holidays
    }
  }
`);
const SetCalendarDocument = graphql(`
  mutation SetPlantCalendar($input: PlantCalendarInput!) {
    setPlantCalendar(input: $input) {
      plant
    }
  }
`);
const FromTemplateDocument = graphql(`
  mutation CreatePlantFromTemplate($plant: String!, $fromPlant: String!) {
    createPlantFromTemplate(plant: $plant, fromPlant: $fromPlant) {
      plant
      fromPlant
      calendar
      replayTargets
      alertRules
    }
  }
`);

type Calendar = PlantCalendarsQuery['plantCalendars'][number];
const DAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "1 06:00-22:00" per line: weekday (1 = Monday) and the shift's local start and end. */
export function parseShifts(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\d)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(l);
      return m ? { weekday: Number(m[1]), start: m[2], end: m[3] } : { weekday: 0, start: l, end: '' };
    });
}
/** "2026-12-24T06:00Z 2026-12-24T14:00Z reason" per line. */
export function parseStops(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [startsAt = '', endsAt = '', ...reason] = l.split(/\s+/);
      return { startsAt, endsAt, reason: reason.join(' ') };
    });
}

function CalendarForm({ calendar, onSaved }: { calendar?: Calendar; onSaved: () => void }) {
  const [d, setD] = useState({
    plant: calendar?.plant ?? '',
    timezone: calendar?.timezone ?? 'UTC',
    silentMinutes: String(calendar?.silentMinutes ?? 30),
    shifts: calendar?.shifts.map((s) => `${s.weekday} ${s.start}-${s.end}`).join('\n') ?? '',
    stops: calendar?.stops.map((s) => `${s.startsAt} ${s.endsAt} ${s.reason}`).join('\n') ?? '',
    holidays: calendar?.holidays.join(', ') ?? '',
  });
  const [state, save] = useMutation(SetCalendarDocument);
  const [done, setDone] = useState('');
  const field = state.error?.graphQLErrors[0]?.extensions?.field;
  // shifts.2.start -> shifts: the text area holds them all.
  const errors = formErrors(state.error, ['plant', 'timezone', 'silentMinutes']);
  const listError = (name: string) =>
    typeof field === 'string' && field.startsWith(name) && state.error ? errorMessage(state.error) : undefined;
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await save({
      input: {
        plant: d.plant.trim(),
        timezone: d.timezone.trim(),
        silentMinutes: Number(d.silentMinutes),
        shifts: parseShifts(d.shifts),
        stops: parseStops(d.stops),
        holidays: d.holidays
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
      },
    });
    if (!r.error) {
      setDone(`Saved the calendar of ${d.plant}.`);
      onSaved();
    }
  };
  const general = typeof field === 'string' && /^(shifts|stops|holidays)/.test(field) ? undefined : errors.general;
  return (
    <form className="form" aria-label="Plant calendar" onSubmit={(e) => void submit(e)}>
      <h2 className="form__title">{calendar ? `Calendar of ${calendar.plant}` : 'Add a calendar'}</h2>
      <FormError>{general}</FormError>
      <div className="form__grid">
        <TextField label="Plant" name="plant" value={d.plant} onChange={set('plant')} error={errors.of('plant')} />
        <TextField
          label="Time zone"
          name="timezone"
          value={d.timezone}
          onChange={set('timezone')}
          error={errors.of('timezone')}
          hint="IANA, e.g. Europe/Berlin"
        />
        <TextField
          label="Silent after (minutes of working time)"
          name="silentMinutes"
          type="number"
          value={d.silentMinutes}
          onChange={set('silentMinutes')}
          error={errors.of('silentMinutes')}
        />
        <TextField
          label="Shifts"
          name="shifts"
          rows={5}
          value={d.shifts}
          onChange={set('shifts')}
          error={listError('shifts')}
          hint="One per line: weekday (1 = Monday) and local times, e.g. 1 06:00-22:00. None: around the clock."
        />
        <TextField
          label="Planned stops"
          name="stops"
          rows={3}
          value={d.stops}
          onChange={set('stops')}
          error={listError('stops')}
          hint="One per line: start end reason, ISO times; without an offset, the plant's local time, e.g. 2026-12-24T06:00 2026-12-24T14:00 Christmas Eve"
        />
        <TextField
          label="Holidays"
          name="holidays"
          value={d.holidays}
          onChange={set('holidays')}
          error={listError('holidays')}
          hint="YYYY-MM-DD, comma-separated"
        />
      </div>
      <FormActions label="Save calendar" done={done} />
    </form>
  );
}

function TemplateForm({ plants, onSaved }: { plants: string[]; onSaved: () => void }) {
  const [plant, setPlant] = useState('');
  const [fromPlant, setFromPlant] = useState(plants[0] ?? '');
  const [state, run] = useMutation(FromTemplateDocument);
  const [done, setDone] = useState('');
  const errors = formErrors(state.error, ['plant', 'fromPlant']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await run({ plant: plant.trim(), fromPlant: fromPlant.trim() });
    const t = r.data?.createPlantFromTemplate;
    if (t) {
      setDone(
        `${t.plant} starts as a copy of ${t.fromPlant}: ${t.calendar ? 'its calendar, ' : ''}${t.replayTargets} replay target(s), ${t.alertRules} alert rule(s) now covering it.`,
      );
      onSaved();
    }
  };
  return (
    <form className="form" aria-label="New plant from a template" onSubmit={(e) => void submit(e)}>
      <h2 className="form__title">A new plant from a template</h2>
      <p className="muted">
        Copies the calendar, the plant’s own replay targets and its alert scopes. Flow rules apply to every plant already.
      </p>
      <FormError>{errors.general}</FormError>
      <div className="form__grid">
        <TextField label="New plant" name="plant" value={plant} onChange={setPlant} error={errors.of('plant')} />
        <TextField
          label="Copy from plant"
          name="fromPlant"
          value={fromPlant}
          onChange={setFromPlant}
          error={errors.of('fromPlant')}
        />
      </div>
      <FormActions label="Create plant" done={done} />
    </form>
  );
}

/** Settings > Calendars (admin): when each plant's lines should run, and new plants from a template. */
export function CalendarsPage() {
  const [result, reexecute] = useQuery({ query: PlantCalendarsDocument });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const [editing, setEditing] = useState<Calendar | 'new' | null>(null);
  const calendars = result.data?.plantCalendars ?? [];
  return (
    <section className="page" aria-labelledby="calendars-title">
      <h1 id="calendars-title">Calendars</h1>
      <p className="muted">A plant without a calendar runs around the clock. Silent lines count only working time.</p>
      {result.error && <p className="page__error">Could not load: {errorMessage(result.error)}</p>}
      {!result.data && !result.error && <p role="status">Loading…</p>}
      {result.data && (
        <table className="table" aria-label="Plant calendars">
          <thead>
            <tr>
              <th scope="col">Plant</th>
              <th scope="col">Time zone</th>
              <th scope="col">Shifts</th>
              <th scope="col">Stops and holidays</th>
              <th scope="col">Silent after</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {calendars.map((c) => (
              <tr key={c.plant}>
                <th scope="row">{c.plant}</th>
                <td>{c.timezone}</td>
                <td>
                  {c.shifts.length
                    ? c.shifts.map((s) => `${DAYS[s.weekday]} ${s.start}-${s.end}`).join(', ')
                    : 'around the clock'}
                </td>
                <td>
                  {c.stops.length} stop(s), {c.holidays.length} holiday(s)
                </td>
                <td>{c.silentMinutes} min</td>
                <td>
                  <button className="button button--small" type="button" onClick={() => setEditing(c)}>
                    Change {c.plant}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button className="button" type="button" onClick={() => setEditing('new')}>
        Add a calendar
      </button>
      {editing && (
        <CalendarForm
          key={editing === 'new' ? 'new' : editing.plant}
          calendar={editing === 'new' ? undefined : editing}
          onSaved={reload}
        />
      )}
      <TemplateForm plants={calendars.map((c) => c.plant)} onSaved={reload} />
    </section>
  );
}
