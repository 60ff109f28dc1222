import { useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { RoiAssumptionsForm } from '../roi/RoiAssumptionsForm';

const RoiAssumptionsDocument = graphql(`
  query RoiAssumptionsSettings {
    roiAssumptions {
      ...RoiAssumptionFields
    }
  }
`);

/** Settings > ROI assumptions (admin): the same editor as on the ROI page. */
export function RoiSettingsPage() {
  const [result, reexecute] = useQuery({ query: RoiAssumptionsDocument });
  const a = result.data?.roiAssumptions;
  return (
    <section className="page" aria-labelledby="roi-settings-title">
      <h1 id="roi-settings-title">ROI assumptions</h1>
      <p className="muted">Every ROI figure names the assumptions it uses; the ROI page shows them with the figures.</p>
      {result.error && <p className="page__error">Could not load: {errorMessage(result.error)}</p>}
      {!a && !result.error && <p role="status">Loading…</p>}
      {a && (
        <RoiAssumptionsForm
          key={a.updatedAt ?? 'defaults'}
          current={a}
          onSaved={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
    </section>
  );
}
