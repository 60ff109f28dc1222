import { PagePlaceholder } from '../app/PagePlaceholder';

export function SyncLagPage() {
  return (
    <PagePlaceholder title="Sync lag">
      How long it takes from a device event to its ERP posting, per plant, line and flow: lag p50, p95 and p99, the share of
      postings within SLA, and how fresh the data is.
    </PagePlaceholder>
  );
}
