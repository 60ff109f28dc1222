import { PagePlaceholder } from '../app/PagePlaceholder';

export function TracesPage() {
  return (
    <PagePlaceholder title="Traces">
      One message followed end to end as a waterfall of its hops, from device event to ERP posting. Search by correlation id or by
      business key.
    </PagePlaceholder>
  );
}
