import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { splitList as list } from '../app/lists';
import { FormActions, FormError, formErrors, SelectField, TextField } from '../app/form';
import { Time } from '../app/Time';
import { graphql } from '../gql';
import type { FlowRulesQuery } from '../gql/graphql';

const FlowRulesDocument = graphql(`
  query FlowRules {
    flowRules {
      flow
      slaSeconds
      graceSeconds
      toleranceAbs
      tolerancePct
      eventTypes
      postingTypes
      requiresReference
      priority
      highValue
      bucketMinutes
      enabled
      updatedBy
      updatedAt
    }
  }
`);
const UpdateFlowRulesDocument = graphql(`
  mutation UpdateFlowRules($input: FlowRulesInput!) {
    updateFlowRules(input: $input) {
      flow
      version
    }
  }
`);

type Rules = FlowRulesQuery['flowRules'][number];
const FIELDS = [
  'flow',
  'slaSeconds',
  'graceSeconds',
  'toleranceAbs',
  'tolerancePct',
  'eventTypes',
  'postingTypes',
  'priority',
  'highValue',
  'bucketMinutes',
];

function RulesForm({ rules, onSaved }: { rules?: Rules; onSaved: () => void }) {
  const [d, setD] = useState({
    flow: rules?.flow ?? '',
    slaMinutes: String((rules?.slaSeconds ?? 900) / 60),
    graceMinutes: String((rules?.graceSeconds ?? 900) / 60),
    toleranceAbs: String(rules?.toleranceAbs ?? 0),
    tolerancePct: String(rules?.tolerancePct ?? 0),
    eventTypes: rules?.eventTypes.join(', ') ?? '',
    postingTypes: rules?.postingTypes.join(', ') ?? '',
    requiresReference: rules?.requiresReference ?? true,
    priority: rules?.priority ?? 'standard',
    highValue: String(rules?.highValue ?? 1000),
    enabled: rules?.enabled ?? true,
  });
  const [state, save] = useMutation(UpdateFlowRulesDocument);
  const [done, setDone] = useState('');
  const errors = formErrors(state.error, FIELDS);
  const set = (k: keyof typeof d) => (v: string | boolean) => setD({ ...d, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await save({
      input: {
        flow: d.flow.trim(),
        slaSeconds: Math.round(Number(d.slaMinutes) * 60),
        graceSeconds: Math.round(Number(d.graceMinutes) * 60),
        toleranceAbs: Number(d.toleranceAbs),
        tolerancePct: Number(d.tolerancePct),
        eventTypes: list(d.eventTypes),
        postingTypes: list(d.postingTypes),
        requiresReference: d.requiresReference,
        priority: d.priority,
        highValue: Number(d.highValue),
        enabled: d.enabled,
      },
    });
    if (!r.error) {
      setDone(`Saved ${d.flow}; it applies from the next reconciliation run.`);
      onSaved();
    }
  };
  return (
    <form className="form" aria-label="Flow rules" onSubmit={(e) => void submit(e)}>
      <h2 className="form__title">{rules ? `Rules of ${rules.flow}` : 'Add a flow'}</h2>
      <FormError>{errors.general}</FormError>
      <div className="form__grid">
        <TextField label="Flow" name="flow" value={d.flow} onChange={set('flow')} error={errors.of('flow')} />
        <TextField
          label="SLA (minutes)"
          name="slaSeconds"
          type="number"
          value={d.slaMinutes}
          onChange={set('slaMinutes')}
          error={errors.of('slaSeconds')}
        />
        <TextField
          label="Grace for late device data (minutes)"
          name="graceSeconds"
          type="number"
          value={d.graceMinutes}
          onChange={set('graceMinutes')}
          error={errors.of('graceSeconds')}
        />
        <TextField
          label="Quantity tolerance (absolute)"
          name="toleranceAbs"
          type="number"
          value={d.toleranceAbs}
          onChange={set('toleranceAbs')}
          error={errors.of('toleranceAbs')}
        />
        <TextField
          label="Quantity tolerance (%)"
          name="tolerancePct"
          type="number"
          value={d.tolerancePct}
          onChange={set('tolerancePct')}
          error={errors.of('tolerancePct')}
        />
        <TextField
          label="Device event types that must post here"
          name="eventTypes"
          value={d.eventTypes}
          onChange={set('eventTypes')}
          error={errors.of('eventTypes')}
          hint="Comma-separated, e.g. cycle_complete"
        />
        <TextField
          label="ERP posting types of this flow"
          name="postingTypes"
          value={d.postingTypes}
          onChange={set('postingTypes')}
          error={errors.of('postingTypes')}
        />
        <SelectField
          label="Business priority"
          name="priority"
          value={d.priority}
          onChange={set('priority')}
          options={[
            { value: 'critical', label: 'critical' },
            { value: 'standard', label: 'standard' },
            { value: 'low', label: 'low' },
          ]}
          error={errors.of('priority')}
        />
        <TextField
          label="High value at risk from"
          name="highValue"
          type="number"
          value={d.highValue}
          onChange={set('highValue')}
          error={errors.of('highValue')}
          hint="Value at risk from which a finding is high severity"
        />
        <label className="check">
          <input type="checkbox" checked={d.requiresReference} onChange={(e) => set('requiresReference')(e.target.checked)} />{' '}
          Postings must reference a device event
        </label>
        <label className="check">
          <input type="checkbox" checked={d.enabled} onChange={(e) => set('enabled')(e.target.checked)} /> Reconciled
        </label>
      </div>
      <FormActions label="Save rules" done={done} />
    </form>
  );
}

/** Settings > Flows and rules (admin): SLA, grace, tolerance, what must post, priority; versioned and audited. */
export function FlowRulesPage() {
  const [result, reexecute] = useQuery({ query: FlowRulesDocument });
  const [editing, setEditing] = useState<Rules | 'new' | null>(null);
  const rules = result.data?.flowRules ?? [];
  return (
    <section className="page" aria-labelledby="flows-title">
      <h1 id="flows-title">Flows and rules</h1>
      <p className="muted">Each save is a new version (kept, audited); reconciliation uses it from its next run.</p>
      {result.error && <p className="page__error">Could not load the rules: {errorMessage(result.error)}</p>}
      {!result.data && !result.error && <p role="status">Loading…</p>}
      {result.data && (
        <table className="table" aria-label="Flow rules">
          <thead>
            <tr>
              <th scope="col">Flow</th>
              <th scope="col">SLA</th>
              <th scope="col">Grace</th>
              <th scope="col">Tolerance</th>
              <th scope="col">Device events</th>
              <th scope="col">Priority</th>
              <th scope="col">Changed</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.flow}>
                <th scope="row">
                  {r.flow}
                  {!r.enabled && ' (off)'}
                </th>
                <td>{r.slaSeconds / 60} min</td>
                <td>{r.graceSeconds / 60} min</td>
                <td>
                  ± {r.toleranceAbs} and {r.tolerancePct} %
                </td>
                <td>{r.eventTypes.join(', ')}</td>
                <td>{r.priority}</td>
                <td>
                  {r.updatedBy}, <Time iso={r.updatedAt} />
                </td>
                <td>
                  <button className="button button--small" type="button" onClick={() => setEditing(r)}>
                    Change {r.flow}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button className="button" type="button" onClick={() => setEditing('new')}>
        Add a flow
      </button>
      {editing && (
        <RulesForm
          key={editing === 'new' ? 'new' : editing.flow}
          rules={editing === 'new' ? undefined : editing}
          onSaved={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
    </section>
  );
}
