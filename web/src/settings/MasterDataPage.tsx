import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { FormActions, FormError, formErrors, TextField } from '../app/form';
import { graphql } from '../gql';

const MasterDataDocument = graphql(`
  query MasterData {
    unitConversions {
      material
      fromUnit
      toUnit
      factor
    }
    materialCosts {
      material
      cost
      unit
    }
  }
`);
const SetConversionDocument = graphql(`
  mutation SetUnitConversion($input: UnitConversionInput!) {
    setUnitConversion(input: $input) {
      material
      fromUnit
      toUnit
      factor
    }
  }
`);
const SetCostDocument = graphql(`
  mutation SetMaterialCost($input: MaterialCostInput!) {
    setMaterialCost(input: $input) {
      material
      cost
      unit
    }
  }
`);

function ConversionForm({ onSaved }: { onSaved: () => void }) {
  const [d, setD] = useState({ material: '', fromUnit: '', toUnit: '', factor: '' });
  const [state, save] = useMutation(SetConversionDocument);
  const [done, setDone] = useState('');
  const errors = formErrors(state.error, ['material', 'fromUnit', 'toUnit', 'factor']);
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await save({ input: { material: d.material, fromUnit: d.fromUnit, toUnit: d.toUnit, factor: Number(d.factor) } });
    if (r.data) {
      const c = r.data.setUnitConversion;
      setDone(`Saved: ${c.material || 'every material'}: 1 ${c.fromUnit} = ${c.factor} ${c.toUnit} (and the inverse).`);
      onSaved();
    }
  };
  return (
    <form className="form" aria-label="Unit conversion" onSubmit={(e) => void submit(e)}>
      <h3 className="form__title">Add a conversion</h3>
      <FormError>{errors.general}</FormError>
      <div className="form__grid">
        <TextField
          label="Material"
          name="material"
          value={d.material}
          onChange={set('material')}
          error={errors.of('material')}
          hint="Empty: every material"
        />
        <TextField
          label="1 of unit"
          name="fromUnit"
          value={d.fromUnit}
          onChange={set('fromUnit')}
          error={errors.of('fromUnit')}
          hint="e.g. CS"
        />
        <TextField
          label="equals"
          name="factor"
          type="number"
          value={d.factor}
          onChange={set('factor')}
          error={errors.of('factor')}
        />
        <TextField
          label="of unit"
          name="toUnit"
          value={d.toUnit}
          onChange={set('toUnit')}
          error={errors.of('toUnit')}
          hint="e.g. EA"
        />
      </div>
      <FormActions label="Save conversion" done={done} />
    </form>
  );
}

function CostForm({ onSaved }: { onSaved: () => void }) {
  const [d, setD] = useState({ material: '', cost: '', unit: '' });
  const [state, save] = useMutation(SetCostDocument);
  const [done, setDone] = useState('');
  const errors = formErrors(state.error, ['material', 'cost', 'unit']);
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await save({ input: { material: d.material, cost: Number(d.cost), unit: d.unit } });
    if (r.data) {
      setDone(`Saved the standard cost of ${r.data.setMaterialCost.material}.`);
      onSaved();
    }
  };
  return (
    <form className="form" aria-label="Material cost" onSubmit={(e) => void submit(e)}>
      <h3 className="form__title">Set a standard cost</h3>
      <FormError>{errors.general}</FormError>
      <div className="form__grid">
        <TextField label="Material" name="material" value={d.material} onChange={set('material')} error={errors.of('material')} />
        <TextField label="Cost" name="cost" type="number" value={d.cost} onChange={set('cost')} error={errors.of('cost')} />
        <TextField
          label="Per unit"
          name="unit"
          value={d.unit}
          onChange={set('unit')}
          error={errors.of('unit')}
          hint="e.g. EA, KG"
        />
      </div>
      <FormActions label="Save cost" done={done} />
    </form>
  );
}

/** Settings > Units and costs (admin): unit conversions (per material or for all) and standard costs for value at risk. */
export function MasterDataPage() {
  const [result, reexecute] = useQuery({ query: MasterDataDocument });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const data = result.data;
  return (
    <section className="page" aria-labelledby="master-title">
      <h1 id="master-title">Units and costs</h1>
      {result.error && <p className="page__error">Could not load: {errorMessage(result.error)}</p>}
      {!data && !result.error && <p role="status">Loading…</p>}
      {data && (
        <>
          <h2 className="section__title">Unit conversions</h2>
          <p className="muted">Quantities are converted before they are compared, e.g. M-CASE: 1 CS = 12 EA.</p>
          <table className="table" aria-label="Unit conversions">
            <thead>
              <tr>
                <th scope="col">Material</th>
                <th scope="col">Conversion</th>
              </tr>
            </thead>
            <tbody>
              {data.unitConversions.map((c) => (
                <tr key={`${c.material}|${c.fromUnit}|${c.toUnit}`}>
                  <td>{c.material || 'every material'}</td>
                  <td>
                    1 {c.fromUnit} = {c.factor} {c.toUnit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ConversionForm onSaved={reload} />
          <h2 className="section__title">Standard costs</h2>
          <p className="muted">Value at risk = standard cost × unreconciled quantity.</p>
          {data.materialCosts.length === 0 ? (
            <p className="page__empty">No standard costs yet: findings carry no value at risk.</p>
          ) : (
            <table className="table" aria-label="Material costs">
              <thead>
                <tr>
                  <th scope="col">Material</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {data.materialCosts.map((c) => (
                  <tr key={c.material}>
                    <td>{c.material}</td>
                    <td>
                      {c.cost} per {c.unit}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <CostForm onSaved={reload} />
        </>
      )}
    </section>
  );
}
