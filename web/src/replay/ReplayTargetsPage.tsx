import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/errors';
import { FormError, SelectField, TextField, formErrors } from '../app/form';
import { Time } from '../app/Time';
import { useReplayTargets } from './useReplay';

interface Draft {
  flow: string;
  plant: string;
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  headers: string;
  timeoutMs: string;
  ratePerSecond: string;
  concurrency: string;
  checkMode: 'postings' | 'lookup';
  lookupUrl: string;
  enabled: boolean;
  autoReplay: boolean;
  autoClasses: string;
  autoMax: string;
}

const EMPTY: Draft = {
  flow: '',
  plant: '',
  url: '',
  method: 'POST',
  headers: '',
  timeoutMs: '10000',
  ratePerSecond: '50',
  concurrency: '4',
  checkMode: 'postings',
  lookupUrl: '',
  enabled: true,
  autoReplay: false,
  autoClasses: 'timeout, 429, 503',
  autoMax: '3',
};

const METHOD_OPTIONS = [
  { value: 'POST', label: 'POST' },
  { value: 'PUT', label: 'PUT' },
  { value: 'PATCH', label: 'PATCH' },
] as const;
const CHECK_OPTIONS = [
  { value: 'postings', label: 'the postings Syncline ingested' },
  { value: 'lookup', label: 'a lookup URL of the ERP' },
] as const;

/** "Authorization=env:ERP_TOKEN" lines as header inputs. */
function headersOf(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const at = l.indexOf('=');
      return { name: (at < 0 ? l : l.slice(0, at)).trim(), secret: (at < 0 ? '' : l.slice(at + 1)).trim() };
    });
}

/** Settings > Replay targets (admin): where each flow's messages are re-sent, and how the ERP is asked first. */
export function ReplayTargetsPage() {
  const { targets, error, save, saving, saveError, refetch } = useReplayTargets();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [saved, setSaved] = useState('');
  const errors = formErrors(saveError, [
    'flow',
    'plant',
    'url',
    'method',
    'headers',
    'timeoutMs',
    'ratePerSecond',
    'concurrency',
    'checkMode',
    'lookupUrl',
    'autoClasses',
    'autoMax',
  ]);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft({ ...draft, [key]: value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const result = await save({
      flow: draft.flow.trim(),
      plant: draft.plant.trim(),
      url: draft.url.trim(),
      method: draft.method,
      headers: headersOf(draft.headers),
      timeoutMs: Number(draft.timeoutMs),
      ratePerSecond: Number(draft.ratePerSecond),
      concurrency: Number(draft.concurrency),
      checkMode: draft.checkMode,
      lookupUrl: draft.lookupUrl.trim(),
      enabled: draft.enabled,
      autoReplay: draft.autoReplay,
      autoClasses: draft.autoClasses
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      autoMax: Number(draft.autoMax),
    });
    if (result) {
      setSaved(`Saved the replay target of ${result.flow}${result.plant ? ` in ${result.plant}` : ''}.`);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section className="page" aria-labelledby="targets-title">
      <h1 id="targets-title">Replay targets</h1>
      <p className="muted">
        Where each flow’s failed messages are re-sent. Header values are secret references (<code>env:NAME</code> reads
        SYNCLINE_SECRET_NAME, <code>file:NAME</code> a key of SYNCLINE_SECRETS_FILE): the secret itself is never stored or shown.
      </p>
      {error && <p className="page__error">Could not load the targets: {errorMessage(error)}</p>}
      <table className="table" aria-label="Replay targets">
        <thead>
          <tr>
            <th scope="col">Flow</th>
            <th scope="col">Plant</th>
            <th scope="col">URL</th>
            <th scope="col">Headers</th>
            <th scope="col">Limits</th>
            <th scope="col">ERP check</th>
            <th scope="col">Automatic replay</th>
            <th scope="col">Changed</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={`${t.flow}/${t.plant}`}>
              <td>{t.flow}</td>
              <td>{t.plant || 'every plant'}</td>
              <td>
                {t.method} {t.url}
                {!t.enabled && ' (off)'}
              </td>
              <td>{t.headers.map((h) => `${h.name}: ${h.secret}`).join(', ') || '—'}</td>
              <td>
                {t.ratePerSecond}/s, {t.concurrency} at once, {t.timeoutMs} ms
              </td>
              <td>{t.checkMode === 'lookup' ? `lookup ${t.lookupUrl}` : 'ingested postings'}</td>
              <td>{t.autoReplay ? `${t.autoClasses.join(', ')}, at most ${t.autoMax}×` : 'off'}</td>
              <td>
                {t.updatedBy}, <Time iso={t.updatedAt} />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    setDraft({
                      flow: t.flow,
                      plant: t.plant,
                      url: t.url,
                      method: t.method as Draft['method'],
                      headers: t.headers.map((h) => `${h.name}=${h.secret}`).join('\n'),
                      timeoutMs: String(t.timeoutMs),
                      ratePerSecond: String(t.ratePerSecond),
                      concurrency: String(t.concurrency),
                      checkMode: t.checkMode as Draft['checkMode'],
                      lookupUrl: t.lookupUrl,
                      enabled: t.enabled,
                      autoReplay: t.autoReplay,
                      autoClasses: t.autoClasses.join(', '),
                      autoMax: String(t.autoMax),
                    })
                  }
                >
                  Edit<span className="visually-hidden"> the target of {t.flow}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label="Save a replay target">
        <h2 className="card__title">Save a replay target</h2>
        <FormError>{errors.general}</FormError>
        <TextField label="Flow" name="flow" value={draft.flow} onChange={set('flow')} error={errors.of('flow')} required />
        <TextField
          label="Plant"
          name="plant"
          value={draft.plant}
          onChange={set('plant')}
          error={errors.of('plant')}
          hint="Empty: every plant without a target of its own"
        />
        <TextField label="URL" name="url" value={draft.url} onChange={set('url')} error={errors.of('url')} required />
        <SelectField
          label="Method"
          name="method"
          value={draft.method}
          options={METHOD_OPTIONS}
          onChange={set('method')}
          error={errors.of('method')}
        />
        <TextField
          label="Headers"
          name="headers"
          value={draft.headers}
          onChange={set('headers')}
          error={errors.of('headers')}
          hint="One per line: Name=env:SECRET or Name=file:SECRET"
          rows={3}
        />
        <TextField
          label="Timeout (ms)"
          name="timeoutMs"
          type="number"
          value={draft.timeoutMs}
          onChange={set('timeoutMs')}
          error={errors.of('timeoutMs')}
        />
        <TextField
          label="Messages per second"
          name="ratePerSecond"
          type="number"
          value={draft.ratePerSecond}
          onChange={set('ratePerSecond')}
          error={errors.of('ratePerSecond')}
        />
        <TextField
          label="Requests at once"
          name="concurrency"
          type="number"
          value={draft.concurrency}
          onChange={set('concurrency')}
          error={errors.of('concurrency')}
        />
        <SelectField
          label="Ask the ERP first via"
          name="checkMode"
          value={draft.checkMode}
          options={CHECK_OPTIONS}
          onChange={set('checkMode')}
          error={errors.of('checkMode')}
        />
        {draft.checkMode === 'lookup' && (
          <TextField
            label="Lookup URL"
            name="lookupUrl"
            value={draft.lookupUrl}
            onChange={set('lookupUrl')}
            error={errors.of('lookupUrl')}
            hint="With {businessKey}: 2xx = posted, 404 = not posted"
          />
        )}
        <label className="checkbox">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled')(e.target.checked)} /> Enabled
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.autoReplay} onChange={(e) => set('autoReplay')(e.target.checked)} /> Replay failed
          hops automatically
        </label>
        {draft.autoReplay && (
          <>
            <TextField
              label="Error classes"
              name="autoClasses"
              value={draft.autoClasses}
              onChange={set('autoClasses')}
              error={errors.of('autoClasses')}
              hint="Comma-separated, among timeout, 429, 503, 5xx, connection"
            />
            <TextField
              label="At most, per message"
              name="autoMax"
              type="number"
              value={draft.autoMax}
              onChange={set('autoMax')}
              error={errors.of('autoMax')}
              hint="Then it stays open for a person. Each next automatic replay waits twice as long (2, 4, 8 … minutes)."
            />
          </>
        )}
        {saved && (
          <p className="form__ok" role="status">
            {saved}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </section>
  );
}
